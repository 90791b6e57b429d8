"""Serves www/ for the Excel add-in: HTTPS on https://localhost:3000 (the manifest's URLs),
with a Content-Security-Policy that lets the task pane load Office.js from Microsoft's CDN.

    python3 scripts/serve_addin.py                      # a self-signed certificate, made once
    python3 scripts/serve_addin.py --cert C --key K     # your own (e.g. office-addin-dev-certs)
    python3 scripts/serve_addin.py --http --port 8500   # plain HTTP, for the tests

Excel accepts the add-in only over HTTPS with a certificate the computer trusts: import the
self-signed one (printed at start) into the trusted roots, or use a trusted one.
"""
import argparse
import functools
import http.server
import os
import ssl
import subprocess

OFFICE = "https://appsforoffice.microsoft.com"
CSP = (f"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {OFFICE}; style-src 'self' 'unsafe-inline' {OFFICE}; "
       f"img-src 'self' data: blob: {OFFICE}; connect-src 'self' {OFFICE}; frame-src 'self' {OFFICE} https://*.officeapps.live.com; "
       "object-src 'none'; base-uri 'none'")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript",
                      ".json": "application/json", ".xml": "text/xml"}

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):
        if os.environ.get("KAM_QUIET") != "1":
            super().log_message(format, *args)


def self_signed(directory):
    cert = os.path.join(directory, "localhost.crt")
    key = os.path.join(directory, "localhost.key")
    if not (os.path.exists(cert) and os.path.exists(key)):
        os.makedirs(directory, exist_ok=True)
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "825",
                        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                        "-keyout", key, "-out", cert], check=True, capture_output=True)
    return cert, key


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=3000)
    parser.add_argument("--dir", default=os.path.join(os.path.dirname(__file__), "..", "www"))
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--http", action="store_true", help="plain HTTP (tests only: Excel needs HTTPS)")
    args = parser.parse_args()
    handler = functools.partial(Handler, directory=args.dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    scheme = "http"
    if not args.http:
        cert, key = (args.cert, args.key) if args.cert else self_signed(os.path.expanduser("~/.kam-score/certs"))
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
        print(f"[serve] certificate: {cert}")
    print(f"[serve] {scheme}://localhost:{args.port}/excel/manifest.xml", flush=True)
    with server:
        server.serve_forever()


if __name__ == "__main__":
    main()
