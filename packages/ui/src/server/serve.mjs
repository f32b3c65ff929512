// How both apps are served, in development and production alike (their `dev`
// and `start` scripts). It is Next.js behind a plain node:http server, which is what can
// still see the connection: it decides the client's address (client-address.mjs) and drops
// forwarding headers that no trusted proxy set, before Next.js reads any of them.
//
//   node packages/ui/src/server/serve.mjs [--dev] [--port 3000] [--hostname 127.0.0.1]
//
// Run it in the app's folder. TRUCE_TRUSTED_PROXIES names the reverse proxies in front
// (docs/security.md); without it nothing a client sends about its address is believed.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import {
  CLIENT_ADDRESS_HEADER_ENV,
  compileTrust,
  newClientAddressHeader,
  prepareRequest,
} from "./client-address.mjs";

const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    hostname: { type: "string" },
  },
});
const dev = values.dev;
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: --port must be a port number, not ${JSON.stringify(values.port)}`);
  process.exit(2);
}

let trust;
try {
  trust = compileTrust(process.env.TRUCE_TRUSTED_PROXIES);
} catch (error) {
  console.error(`serve: ${error.message}`);
  process.exit(2);
}

// Before Next.js loads: React and Next read NODE_ENV once, and the apps read the header's
// name from the environment when their modules load.
process.env.NODE_ENV ??= dev ? "development" : "production";
const headerName = newClientAddressHeader();
process.env[CLIENT_ADDRESS_HEADER_ENV] = headerName;

const { default: next } = await import("next");
const server = createServer();
const app = next({ dev, dir: process.cwd(), hostname: values.hostname, port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

server.on("request", (req, res) => {
  prepareRequest(req, trust, headerName);
  void handle(req, res);
});
server.listen(port, values.hostname, () => {
  const address = server.address();
  const shown = values.hostname ?? "localhost";
  const actual = typeof address === "object" && address ? address.port : port;
  console.log(`Ready on http://${shown.includes(":") ? `[${shown}]` : shown}:${actual}`);
});

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    server.close();
    server.closeAllConnections();
    void app.close().finally(() => process.exit(0));
  });
}
