// Issue 13 item 4: the vote panel's proof of work. While traffic looks suspicious the server answers a
// vote with a challenge; this finds a nonce such that SHA-256("<challenge>:<nonce>") starts with the
// asked number of zero bits (WebCrypto, no third-party service) and sends the vote again with it.
(function () {
  'use strict';

  function zeroBits(bytes) {
    var bits = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) {
        bits += 8;
        continue;
      }
      var b = bytes[i];
      while ((b & 0x80) === 0) {
        bits++;
        b <<= 1;
      }
      break;
    }
    return bits;
  }

  function solve(challenge, difficulty) {
    var encoder = new TextEncoder();
    var batch = 256;
    function round(start) {
      var tries = [];
      for (var n = start; n < start + batch; n++) {
        tries.push(crypto.subtle.digest('SHA-256', encoder.encode(challenge + ':' + n)));
      }
      return Promise.all(tries).then(function (digests) {
        for (var i = 0; i < digests.length; i++) {
          if (zeroBits(new Uint8Array(digests[i])) >= difficulty) {
            return String(start + i);
          }
        }
        return round(start + batch);
      });
    }
    return round(0);
  }

  function handle(root) {
    if (!root || !root.querySelector) {
      return;
    }
    var marker = root.querySelector('.vote-challenge');
    if (!marker || marker.getAttribute('data-started')) {
      return;
    }
    marker.setAttribute('data-started', 'true');
    var form = marker.closest('form');
    if (!window.crypto || !window.crypto.subtle) {
      marker.textContent = marker.getAttribute('data-unsupported');
      return;
    }
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    solve(marker.getAttribute('data-challenge'), parseInt(marker.getAttribute('data-difficulty'), 10))
      .then(function (nonce) {
        form.querySelector('input[name="nonce"]').value = nonce;
        button.disabled = false;
        window.htmx.trigger(form, 'submit');
      });
  }

  document.addEventListener('htmx:load', function (event) {
    handle(event.detail.elt);
  });
})();
