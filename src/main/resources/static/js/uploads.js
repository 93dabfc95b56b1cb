// Resumable uploads (tus 1.0.0) with the vendored tus-js-client (static/vendor/tus-js-client/tus.min.js,
// load it before this file). Enhances every element of this shape on the page:
//
//   <div class="upload-widget" data-endpoint="/api/v1/uploads" data-max-size="2147483648"
//        data-chunk-size="(optional, bytes; default: the whole file in one PATCH)">
//     <input type="file" class="form-control upload-input" accept="...">
//     <div class="progress upload-progress" role="progressbar"><div class="progress-bar"></div></div>
//     <div class="upload-status small"></div>
//     <button type="button" class="btn btn-sm btn-outline-secondary upload-pause">(pause)</button>
//     <button type="button" class="btn btn-sm btn-outline-primary upload-resume">(resume)</button>
//     <div class="upload-texts" hidden data-too-large="..." ...></div>
//     <form class="upload-attach" method="post" action="(where the finished upload is attached)">
//       <input type="hidden" name="_csrf" value="..."><input type="hidden" name="uploadId">
//     </form>
//   </div>
//
// Choosing a file starts the upload; progress shows percent and MB; pause/resume; lost connections
// are retried (retryDelays); after a page reload, choosing the same file again continues where it
// stopped (tus-js-client keeps the upload URL in localStorage by a fingerprint of the file). Every
// request carries the CSRF header of the page (<meta name="_csrf">, <meta name="_csrf_header">).
// Server errors show the problem's Chinese detail. When the upload completes, its id (the last
// segment of the upload URL) goes into uploadId and the attach form is submitted (POST, redirect).
// The texts shown come from the page (data-* of .upload-texts, rendered from messages-files.properties by
// templates/fragments/upload.html); {0}, {1}… in them are filled in here.
// No inline script or style: the bar's width is set through the style property (allowed by the CSP).
(function () {
  'use strict';

  var RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000, 30000, 60000];

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : null;
  }

  function megabytes(bytes) {
    return (bytes / (1024 * 1024)).toFixed(1) + ' MB';
  }

  // The upload's metadata: the file's name and type, and the widget's data-purpose if it has one
  // (issue 14: "package" for a hand-off package, which an admin may upload larger).
  function metadataOf(widget, file) {
    var metadata = { filename: file.name, filetype: file.type || 'application/octet-stream' };
    var purpose = widget.getAttribute('data-purpose');
    if (purpose) {
      metadata.purpose = purpose;
    }
    return metadata;
  }

  function percent(done, total) {
    return total > 0 ? Math.floor(done * 100 / total) : 100;
  }

  // The Chinese detail of an RFC 9457 problem answer, if the error carries one.
  function problemDetail(error) {
    var response = error && error.originalResponse;
    if (!response) {
      return null;
    }
    try {
      var problem = JSON.parse(response.getBody());
      return problem && problem.detail ? problem.detail : null;
    } catch (ignored) {
      return null;
    }
  }

  // The widget's text called name (data-name on .upload-texts) with {0}, {1}… replaced by the arguments.
  function textOf(widget, name) {
    var texts = widget.querySelector('.upload-texts');
    var pattern = (texts && texts.dataset[name]) || '';
    var args = Array.prototype.slice.call(arguments, 2);
    return pattern.replace(/\{(\d+)\}/g, function (whole, index) {
      return args[index] === undefined ? whole : String(args[index]);
    });
  }

  function statusOf(error) {
    var response = error && error.originalResponse;
    return response ? response.getStatus() : 0;
  }

  function setUp(widget) {
    var input = widget.querySelector('.upload-input');
    var progress = widget.querySelector('.upload-progress');
    var bar = widget.querySelector('.upload-progress .progress-bar');
    var status = widget.querySelector('.upload-status');
    var pause = widget.querySelector('.upload-pause');
    var resume = widget.querySelector('.upload-resume');
    var attach = widget.querySelector('form.upload-attach');
    var endpoint = widget.getAttribute('data-endpoint') || '/api/v1/uploads';
    var maxSize = parseInt(widget.getAttribute('data-max-size') || '0', 10);
    var chunkSize = parseInt(widget.getAttribute('data-chunk-size') || '0', 10);
    var upload = null;
    var resumedNote = null;
    var text = textOf.bind(null, widget);

    function show(element, visible) {
      if (element) {
        element.hidden = !visible;
      }
    }

    function say(text, kind) {
      status.textContent = text;
      status.classList.remove('text-danger', 'text-success', 'text-muted');
      status.classList.add(kind === 'error' ? 'text-danger' : kind === 'done' ? 'text-success' : 'text-muted');
    }

    function showProgress(done, total) {
      var value = percent(done, total);
      bar.style.width = value + '%';
      bar.textContent = value + '%';
      progress.setAttribute('aria-valuenow', String(value));
      progress.setAttribute('aria-valuemin', '0');
      progress.setAttribute('aria-valuemax', '100');
      return value;
    }

    show(pause, false);
    show(resume, false);
    show(progress, false);

    function start(file) {
      if (maxSize > 0 && file.size > maxSize) {
        say(text('tooLarge', megabytes(file.size), megabytes(maxSize)), 'error');
        return;
      }
      if (upload) {
        upload.abort();
      }
      var options = {
        endpoint: endpoint,
        retryDelays: RETRY_DELAYS,
        metadata: metadataOf(widget, file),
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        onBeforeRequest: function (request) {
          var header = meta('_csrf_header');
          var token = meta('_csrf');
          if (header && token) {
            request.setHeader(header, token);
          }
        },
        onProgress: function (sent, total) {
          var value = showProgress(sent, total);
          say((resumedNote ? resumedNote + text('separator') : '')
            + text('uploading', value, megabytes(sent), megabytes(total)));
        },
        onShouldRetry: function (error, attempt) {
          var code = statusOf(error);
          var retry = !(code >= 400 && code < 500) || code === 409 || code === 423;
          if (retry) {
            var delay = RETRY_DELAYS[Math.min(attempt, RETRY_DELAYS.length - 1)] / 1000;
            say(text('retry', delay > 0 ? text('retryAfter', delay) : '', attempt + 1));
          }
          return retry;
        },
        onError: function (error) {
          var detail = problemDetail(error);
          say(text('failed', detail || text('failedDefault')), 'error');
          show(pause, false);
          show(resume, true);
          input.disabled = false;
        },
        onSuccess: function () {
          showProgress(1, 1);
          show(pause, false);
          show(resume, false);
          var id = upload.url.split('/').pop();
          say(text('done', megabytes(file.size)), 'done');
          if (attach) {
            attach.querySelector('input[name="uploadId"]').value = id;
            attach.submit();
          }
        }
      };
      if (chunkSize > 0) {
        options.chunkSize = chunkSize;
      }
      resumedNote = null;
      upload = new tus.Upload(file, options);
      input.disabled = true;
      show(progress, true);
      show(pause, true);
      show(resume, false);
      showProgress(0, file.size);
      say(text('preparing'));
      upload.findPreviousUploads().then(function (previous) {
        if (previous.length === 0) {
          upload.start();
          return;
        }
        var last = previous[0];
        upload.resumeFromPreviousUpload(last);
        // How far the earlier attempt got, as the server knows it.
        var request = new XMLHttpRequest();
        request.open('HEAD', last.uploadUrl);
        request.setRequestHeader('Tus-Resumable', '1.0.0');
        request.onload = function () {
          var offset = parseInt(request.getResponseHeader('Upload-Offset') || '0', 10);
          if (request.status === 200 && offset > 0) {
            var value = showProgress(offset, file.size);
            // Stays in front of the progress text, so that it is not gone before anyone could read it.
            resumedNote = text('resumedFrom', value);
            say(resumedNote);
          }
          upload.start();
        };
        request.onerror = function () {
          upload.start();
        };
        request.send();
      });
    }

    input.addEventListener('change', function () {
      if (input.files && input.files.length > 0) {
        start(input.files[0]);
      }
    });
    if (pause) {
      pause.addEventListener('click', function () {
        if (upload) {
          upload.abort();
          say(text('paused', bar.textContent));
          show(pause, false);
          show(resume, true);
        }
      });
    }
    if (resume) {
      resume.addEventListener('click', function () {
        if (upload) {
          say(text('resuming'));
          show(resume, false);
          show(pause, true);
          upload.start();
        }
      });
    }
  }

  function setUpAll() {
    if (typeof tus === 'undefined' || !tus.isSupported) {
      document.querySelectorAll('.upload-widget').forEach(function (widget) {
        widget.querySelector('.upload-status').textContent = textOf(widget, 'unsupported');
      });
      return;
    }
    document.querySelectorAll('.upload-widget').forEach(setUp);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUpAll);
  } else {
    setUpAll();
  }
})();
