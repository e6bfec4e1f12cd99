// Container health check for images without curl or wget (node:20-bookworm-slim):
//   node infra/probes/http-get.mjs http://127.0.0.1:3000/health/ready
// Exits 0 on a 2xx answer within the timeout, 1 otherwise, printing why.
const [url] = process.argv.slice(2);
const timeoutMs = Number(process.env.PROBE_TIMEOUT_MS ?? 2000);

if (!url) {
  console.error('usage: node http-get.mjs URL');
  process.exit(2);
}

try {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) {
    console.error(`${url}: HTTP ${response.status} ${await response.text()}`);
    process.exit(1);
  }
  process.exit(0);
} catch (error) {
  console.error(`${url}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
