-- wrk: one refresh-token chain per thread, rotating. Run it with as many threads as connections (-tN -cN),
-- so each connection sends its next request only after the previous answer: the refresh_token in each
-- answer is the one the next request presents, as a real client does. The first token of each chain is
-- a line of the file WRK_TOKENS; WRK_BODY is the rest of the form (grant type and client).
local tokens = {}
local threads = {}

function setup(thread)
  if #tokens == 0 then
    for line in io.lines(os.getenv("WRK_TOKENS")) do tokens[#tokens + 1] = line end
  end
  local n = #threads + 1
  assert(tokens[n], "WRK_TOKENS has fewer refresh tokens than wrk has threads")
  thread:set("token", tokens[n])
  threads[n] = thread
end

function init(args)
  prefix = os.getenv("WRK_BODY") .. "&refresh_token="
  failures = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  return wrk.format(nil, nil, nil, prefix .. token)
end

function response(status, headers, body)
  local next_token = body:match('"refresh_token"%s*:%s*"([^"]+)"')
  if status == 200 and next_token then
    token = next_token
  else
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("failures") end
  io.write(string.format("Broken chains' failed requests: %d\n", failed))
end
