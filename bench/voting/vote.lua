-- bench/voting/run: each request is one vote of a verified voter for a work it has not voted for yet.
-- VOTERS names a file of "<ZJVOTER cookie>" lines, WORKS a file of work ids (one line, spaces); ORIGIN is
-- the application's origin (sent as a browser does: the vote's chain checks it instead of a CSRF token).
-- Voters are split between the threads, so that no two threads send the same voter and work.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local all = {}
  for line in io.lines(os.getenv("VOTERS")) do
    local cookie = line:match("(%S+)")
    local device = string.format("%08x-0000-4000-8000-%012x", #all + 1, #all + 1)
    table.insert(all, { cookie = cookie, device = device, next = 1 })
  end
  voters = {}
  local nthreads = tonumber(os.getenv("THREADS"))
  for i, voter in ipairs(all) do
    if (i - 1) % nthreads == index then
      table.insert(voters, voter)
    end
  end
  origin = os.getenv("ORIGIN")
  works = {}
  for id in io.open(os.getenv("WORKS")):read("*a"):gmatch("%d+") do
    table.insert(works, id)
  end
  turn = 0
  ok = 0
  refused = 0
end

function request()
  turn = turn % #voters + 1
  local voter = voters[turn]
  local work = works[voter.next]
  voter.next = voter.next + 1
  return wrk.format("POST", "/vote/works/" .. work, {
    ["Cookie"] = "ZJVOTER=" .. voter.cookie .. "; ZJDEVICE=" .. voter.device,
    ["Origin"] = origin,
    ["Accept"] = "application/json",
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, "")
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local acknowledged, other = 0, 0
  for _, thread in ipairs(threads) do
    acknowledged = acknowledged + thread:get("ok")
    other = other + thread:get("refused")
  end
  io.write(string.format("acknowledged %d refused %d\n", acknowledged, other))
end
