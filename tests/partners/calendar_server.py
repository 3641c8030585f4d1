"""A calendar server for the import's tests: http.server in a thread, answering what
the test sets (status, body, headers, a delay), over HTTP or HTTPS with a self-signed
certificate."""

import datetime
import http.server
import ssl
import subprocess
import threading
import time
import zoneinfo

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


class CalendarServer:
    def __init__(self, tls_dir=None):
        self.status, self.body, self.headers, self.delay, self.chunked = 200, b"", {}, 0, False
        self.requests = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                server.requests.append(dict(self.headers))
                time.sleep(server.delay)
                self.send_response(server.status)
                self.send_header("Content-Type", "text/calendar; charset=utf-8")
                for name, value in server.headers.items():
                    self.send_header(name, value)
                if not server.chunked:
                    self.send_header("Content-Length", str(len(server.body)))
                self.end_headers()
                try:
                    for start in range(0, len(server.body), 65536):
                        self.wfile.write(server.body[start : start + 65536])
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the importer stopped reading: what the size limit does

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        scheme = "http"
        if tls_dir is not None:
            cert, key = tls_dir / "cert.pem", tls_dir / "key.pem"
            subprocess.run(  # noqa: S603 (fixed arguments)
                [
                    "/usr/bin/openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-days",
                    "1",
                    "-subj",
                    "/CN=127.0.0.1",
                    "-keyout",
                    str(key),
                    "-out",
                    str(cert),
                ],
                check=True,
                capture_output=True,
            )
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
            scheme = "https"
        self.url = f"{scheme}://127.0.0.1:{self.httpd.server_port}/calendrier.ics"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def serve(self, body, status=200):
        self.status, self.body = status, body.encode() if isinstance(body, str) else body

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def ics_time(moment):
    """A Paris wall-clock time as an iCalendar local time (with TZID=Europe/Paris)."""
    return moment.strftime("%Y%m%dT%H%M%S")


def utc_time(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(*events):
    """A VCALENDAR of these VEVENT bodies (lists of lines), CRLF as RFC 5545 wants."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tests//Import//FR"]
    for event in events:
        lines += ["BEGIN:VEVENT", *event, "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def event(uid, start, hours=2, summary="Atelier tablette", **extra):
    """A VEVENT in Paris time; `extra` adds lines (RRULE="…", STATUS="…", LOCATION="…")."""
    lines = [
        f"UID:{uid}",
        "DTSTAMP:20250101T000000Z",
        f"DTSTART;TZID=Europe/Paris:{ics_time(start)}",
        f"DTEND;TZID=Europe/Paris:{ics_time(start + datetime.timedelta(hours=hours))}",
        f"SUMMARY:{summary}",
    ]
    lines += [
        f"{name.replace('_', '-')}{value if value.startswith((';', ':')) else ':' + value}"
        for name, value in extra.items()
    ]
    return lines
