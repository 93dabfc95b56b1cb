-- wrk script (bench/showcase/run): each request asks for a random 1 MB byte range of a file of
-- FILE_SIZE bytes (set in the environment), as a video player seeking through it does.
local size = tonumber(os.getenv("FILE_SIZE"))
local chunk = 1024 * 1024

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  local from = math.random(0, size - chunk)
  return wrk.format("GET", nil, { ["Range"] = "bytes=" .. from .. "-" .. (from + chunk - 1) })
end

function response(status, headers, body)
  if status ~= 206 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
