#!/usr/bin/env bash
# The main job end to end on real local components:
#   Azurite (storage), smtp4dev (SMTP), the provider fakes (webhooks and HTTP email APIs), the sample agent,
#   and the local host (the same core as the Functions app: admin API, ticker, queue listeners).
# Through the admin API it creates channels and a schedule, runs it, waits for every delivery, and leaves the
# evidence in artifacts/demo/. It stops everything it started, and exits 0 only if every delivery was sent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/artifacts/demo"
logs="$root/artifacts/demo-logs"
started=$(date +%s)

# Ports (override with environment variables if one is taken).
BLOB_PORT=${BLOB_PORT:-10100}; QUEUE_PORT=${QUEUE_PORT:-10101}; TABLE_PORT=${TABLE_PORT:-10102}
SMTP_PORT=${SMTP_PORT:-2525}; SMTP_WEB_PORT=${SMTP_WEB_PORT:-5080}
FAKES_PORT=${FAKES_PORT:-7090}; AGENT_PORT=${AGENT_PORT:-7081}; API_PORT=${API_PORT:-7071}
api="http://127.0.0.1:$API_PORT/api"
fakes="http://127.0.0.1:$FAKES_PORT"

say() { printf '%s\n' "$*"; }
step() { printf '\n== %s\n' "$*"; }

pids=()
# Stops what the demo started, newest first (the local host before the storage it uses); anything still
# running 10 s after Ctrl+C is killed.
cleanup() {
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    if [[ ${names[i]} == azurite ]]; then
      # Azurite waits for idle keep-alive connections before it exits; in memory it has nothing to flush.
      kill -9 -- "-${pids[i]}" 2>/dev/null || true
      continue
    fi
    kill -INT -- "-${pids[i]}" 2>/dev/null || true  # Ctrl+C, to the whole process group
    for _ in $(seq 1 50); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.2; done
    if kill -9 -- "-${pids[i]}" 2>/dev/null; then say "  ${names[i]} did not stop within 10 s and was killed"; fi
  done
  say "Demo wall time: $(( $(date +%s) - started )) s (installs and builds included)"
}
trap cleanup EXIT

# Starts a program in the background, its output in artifacts/demo-logs/NAME.log. Job control gives it a process
# group of its own, and keeps SIGINT working for it (a script's background jobs otherwise ignore SIGINT).
start() {
  local name=$1; shift
  set -m
  "$@" >"$logs/$name.log" 2>&1 &
  pids+=($!); names+=("$name")
  set +m
}

# Waits until a URL answers, or fails with the component's log.
wait_for() {
  local name=$1 url=$2
  for _ in $(seq 1 600); do
    if curl -s -o /dev/null "$url"; then return 0; fi
    sleep 0.2
  done
  say "$name did not start; its log:"; tail -n 40 "$logs/$name.log"; exit 1
}

# JSON helpers on Node.js (already required for Azurite): json FIELD_PATH < document
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split(".")){v=v?.[k]}process.stdout.write(typeof v==="object"?JSON.stringify(v):String(v??""))})' "$1"; }

post() { curl -sS -X POST "$api/$1" -H 'Content-Type: application/json' --data-binary "$2"; }

step "Installing what the demo needs"
# npm ci starts from scratch each time; skip it when node_modules already matches the lock file.
if [[ ! -x node_modules/.bin/azurite || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
dotnet tool restore >/dev/null
for project in src/Notifications.LocalHost src/Notifications.SampleAgent tests/Notifications.Fakes; do
  dotnet build "$project" -c Release --nologo -v quiet "-clp:ErrorsOnly;NoSummary"
done
rm -rf "$out" "$logs"; mkdir -p "$out" "$logs"

for port in $BLOB_PORT $QUEUE_PORT $TABLE_PORT $SMTP_PORT $SMTP_WEB_PORT $FAKES_PORT $AGENT_PORT $API_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then say "Port $port is already in use; set its variable (see the top of this script)."; exit 1; fi
done

step "Starting Azurite, smtp4dev, the provider fakes and the sample agent"
start azurite node_modules/.bin/azurite --inMemoryPersistence --skipApiVersionCheck --loose --silent \
  --blobHost 127.0.0.1 --blobPort "$BLOB_PORT" --queueHost 127.0.0.1 --queuePort "$QUEUE_PORT" \
  --tableHost 127.0.0.1 --tablePort "$TABLE_PORT"
start smtp4dev dotnet tool run smtp4dev -- --smtpport "$SMTP_PORT" --urls "http://127.0.0.1:$SMTP_WEB_PORT" --db= \
  --hostname localhost --tlsmode None --imapport= --pop3port= --nousersettings
start fakes dotnet tests/Notifications.Fakes/bin/Release/net10.0/Notifications.Fakes.dll --port "$FAKES_PORT" --out "$out"
start agent dotnet src/Notifications.SampleAgent/bin/Release/net10.0/Notifications.SampleAgent.dll --urls "http://127.0.0.1:$AGENT_PORT"
wait_for azurite "http://127.0.0.1:$BLOB_PORT/"
wait_for smtp4dev "http://127.0.0.1:$SMTP_WEB_PORT/api/messages"
wait_for fakes "$fakes/"
wait_for agent "http://127.0.0.1:$AGENT_PORT/healthz"

step "Starting the local host (admin API, ticker, queue listeners)"
devkey="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export NotificationStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$devkey;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;"
export Agent__BaseUrl="http://127.0.0.1:$AGENT_PORT/"
export Webhooks__AllowedHosts__0="127.0.0.1"
export ChannelSecrets__ActiveKeyId="demo"
export ChannelSecrets__Keys__demo="$(head -c 32 /dev/urandom | base64)"
export LocalHost__TickerIntervalSeconds=5 LocalHost__QueuePollSeconds=0.2
start localhost dotnet src/Notifications.LocalHost/bin/Release/net10.0/Notifications.LocalHost.dll --urls "http://127.0.0.1:$API_PORT"
wait_for localhost "http://127.0.0.1:$API_PORT/healthz"

step "Creating channels and a schedule through the admin API"
channel() {
  local body response id
  body=$1
  response=$(post channels "$body")
  id=$(json id <<<"$response")
  if [[ -z "$id" ]]; then say "Channel refused: $response"; exit 1; fi
  say "  channel $(json provider <<<"$response"): $(json name <<<"$response") ($id)" >&2
  printf '%s' "$id"
}
recipient="team-lead@example.test"
notifications=()
# --- providers: one channel and one notification per provider ---
smtp=$(channel '{"name":"Default","provider":"smtp","settings":{"server":"127.0.0.1","port":'"$SMTP_PORT"',"useTls":false,"useSsl":false,"senderAddress":"reports@example.test","senderName":"Morning Reports"}}')
notifications+=('{"channelId":"'"$smtp"'","target":"'"$recipient"'","condition":"Always"}')
slack=$(channel '{"name":"Engineering Slack","provider":"slack","settings":{"webhookUrl":"'"$fakes"'/slack/services/T0000DEMO/B0000DEMO/XXXXdemotoken"}}')
notifications+=('{"channelId":"'"$slack"'","condition":"Always"}')
sendgrid=$(channel '{"name":"Marketing Team Mail","provider":"sendgrid","settings":{"apiKey":"SG.fakefullaccess.mail-send-secret","senderAddress":"reports@example.test","senderName":"Reports","baseUrl":"'"$fakes"'/sendgrid/"}}')
notifications+=('{"channelId":"'"$sendgrid"'","target":"'"$recipient"'","condition":"Always"}')
acs=$(channel '{"name":"Azure Email","provider":"acs","settings":{"connectionString":"endpoint='"$fakes"'/acs/;accesskey=ZmFrZS1hY3MtYWNjZXNzLWtleS1mb3ItbG9jYWwtdGVzdHMtb25seQ==","senderAddress":"DoNotReply@notify.example.test"}}')
notifications+=('{"channelId":"'"$acs"'","target":"'"$recipient"'","condition":"Always"}')
graph=$(channel '{"name":"Microsoft 365","provider":"graph","settings":{"tenantId":"8f0e3c52-0000-4000-8000-00000000a11c","clientId":"11111111-1111-4111-8111-111111111111","clientSecret":"fake-graph-mail-send-secret","senderUpn":"reports@contoso.test","authorityUrl":"'"$fakes"'/graph-login/","graphUrl":"'"$fakes"'/graph/"}}')
notifications+=('{"channelId":"'"$graph"'","target":"'"$recipient"'","condition":"Always"}')
teams=$(channel '{"name":"Executive Teams","provider":"teams","settings":{"webhookUrl":"'"$fakes"'/teams/workflows/demoflow/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=demosig"}}')
notifications+=('{"channelId":"'"$teams"'","condition":"Always"}')
discord=$(channel '{"name":"Ops Discord","provider":"discord","settings":{"webhookUrl":"'"$fakes"'/discord/api/webhooks/123456789012345678/demotoken"}}')
notifications+=('{"channelId":"'"$discord"'","condition":"Always"}')
telegram=$(channel '{"name":"On-call Telegram","provider":"telegram","settings":{"botToken":"123456789:AAHdemoTokenForTheLocalFakeOnly00000","chatId":"-1001234567890","apiBaseUrl":"'"$fakes"'/telegram"}}')
notifications+=('{"channelId":"'"$telegram"'","condition":"Always"}')
googlechat=$(channel '{"name":"Team Google Chat","provider":"googlechat","settings":{"webhookUrl":"'"$fakes"'/googlechat/v1/spaces/AAAAdemo/messages?key=demokey&token=demotoken"}}')
notifications+=('{"channelId":"'"$googlechat"'","condition":"Always"}')
# --- end of providers ---

list=$(IFS=,; printf '%s' "${notifications[*]}")
schedule=$(post schedules '{"name":"Morning revenue report","prompt":"Summarise last month'"'"'s revenue with charts","cron":"0 7 * * 1-5","timeZone":"Europe/Berlin","notifications":['"$list"']}')
schedule_id=$(json id <<<"$schedule")
[[ -n "$schedule_id" ]] || { say "Schedule refused: $schedule"; exit 1; }
say "  schedule $schedule_id, next run $(json nextRunUtc <<<"$schedule")"

step "Running the schedule now and waiting for every delivery"
run_id=$(json runId <<<"$(post "schedules/$schedule_id/run" '')")
say "  run $run_id"
run=""
for _ in $(seq 1 600); do
  run=$(curl -s "$api/runs/$run_id")
  pending=$(node -e 'const r=JSON.parse(process.argv[1]);const d=r.deliveries||[];process.stdout.write(String(!r.run||r.run.status==="Running"||d.length===0||d.some(x=>["Pending","Retrying"].includes(x.status))))' "$run")
  [[ "$pending" == "false" ]] && break
  sleep 0.2
done

step "Collecting the evidence in artifacts/demo/"
# Each email as smtp4dev received it.
n=0
for id in $(curl -s "http://127.0.0.1:$SMTP_WEB_PORT/api/messages?pageSize=100" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const m of JSON.parse(s).results)console.log(m.id)})'); do
  n=$((n + 1))
  curl -s "http://127.0.0.1:$SMTP_WEB_PORT/api/messages/$id/raw" -o "$out/email-$n.eml"
  cp "$out/email-$n.eml" "$out/email-smtp-$n.eml"
done
# Each chart PNG, from Blob Storage by the run's links.
n=0
for url in $(node -e 'for(const c of JSON.parse(process.argv[1]).run.charts||[])console.log(c.url)' "$run"); do
  n=$((n + 1))
  curl -s "$url" -o "$out/chart-$n.png"
done
printf '%s\n' "$run" >"$out/run.json"

step "Summary"
node -e '
const r = JSON.parse(process.argv[1]);
console.log(`run ${r.run.id}: ${r.run.status}, ${r.run.charts.length} chart(s), ${r.run.omittedCharts} omitted`);
for (const d of r.deliveries) console.log(`  ${d.provider.padEnd(10)} ${d.status.padEnd(8)} attempts=${d.attempts}  ${d.detail ?? ""}`.slice(0, 160));
' "$run"
say "  files: $(cd "$out" && ls | tr '\n' ' ')"
all_sent=$(node -e 'const r=JSON.parse(process.argv[1]);process.stdout.write(String(r.run.status==="Succeeded"&&r.deliveries.length>0&&r.deliveries.every(d=>d.status==="Sent")))' "$run")
if [[ "$all_sent" != "true" ]]; then say "Not every delivery was sent (logs in artifacts/demo-logs/)."; exit 1; fi
say "Every delivery arrived."
