# SPDX-License-Identifier: EUPL-1.2
"""The session factory against real loopback servers: extra CA bundle, manual proxy with
exclusions (a small recording forward proxy), PAC, byte counts and profile detection.

Every server listens on 127.0.0.1 only; the forward proxy tunnels and forwards to
127.0.0.1 only, whatever host a request names.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.desktop import GNOME_ENV, gsettings_set, needs_gsettings
from tests.support.servers import LoopbackServer, RecordingProxy, Route, closed_port
from tests.support.tls import LocalCa
from workplace.config.schema import NetworkSettings, Preferences
from workplace.net.detect import detect_profile
from workplace.net.errors import NetworkError, NetworkErrorKind
from workplace.net.http import create_session, get_capped
from workplace.net.profile import ProfileKind
from workplace.net.proxy import ProxyPolicy
from workplace.net.setup import NetworkSetup, proxy_policy


@pytest.fixture
def tls_server(ca: LocalCa) -> Iterator[LoopbackServer]:
    srv = LoopbackServer(ca.server_context)
    yield srv
    srv.close()


@pytest.fixture
def proxy() -> Iterator[RecordingProxy]:
    prx = RecordingProxy()
    yield prx
    prx.close()



# =========================================================================== trust


def test_extra_ca_bundle_makes_the_agency_server_trusted(
    tls_server: LoopbackServer, ca: LocalCa
) -> None:
    tls_server.routes["/"] = Route(body=b"hello")
    plain = create_session(retries=0)
    with pytest.raises(NetworkError) as caught:
        plain.get(tls_server.url("/"))
    assert caught.value.kind == NetworkErrorKind.TLS
    assert "certificate" in caught.value.cause
    trusted = create_session(retries=0, ca_bundle=ca.ca_file)
    assert trusted.get(tls_server.url("/")).text == "hello"
    with pytest.raises(TypeError, match="verify"):  # no way to switch verification off
        trusted.get(tls_server.url("/"), verify=False)


def test_the_setup_reads_the_bundle_from_settings_and_survives_a_missing_one(
    tls_server: LoopbackServer, ca: LocalCa, tmp_path: Path
) -> None:
    tls_server.routes["/"] = Route(body=b"hello")
    good = NetworkSetup(ca_bundle=str(ca.ca_file))
    assert good().get(tls_server.url("/")).text == "hello"
    assert good.describe()["trust"]["extra_ca_loaded"] is True
    missing = NetworkSetup(ca_bundle=str(tmp_path / "missing.pem"))
    with pytest.raises(NetworkError) as caught:
        missing().get(tls_server.url("/"))
    assert caught.value.kind == NetworkErrorKind.TLS
    described = missing.describe()
    assert described["trust"]["extra_ca_loaded"] is False
    assert any("missing.pem" in p for p in described["problems"])


# =========================================================================== proxies


def test_manual_proxy_is_used_except_for_exclusions(
    server: LoopbackServer, proxy: RecordingProxy
) -> None:
    server.routes["/direct"] = Route(body=b"direct")
    setup = NetworkSetup(ProxyPolicy.manual(proxy.url, exclusions=["127.0.0.0/8"]))
    session = setup()
    via = session.get(server.url("/via", host="localhost"))
    assert via.text == "via proxy"
    assert proxy.requests == [("GET", server.url("/via", host="localhost"))]
    direct = session.get(server.url("/direct"))
    assert direct.text == "direct"
    assert len(proxy.requests) == 1 and ("GET", "/direct") in server.seen


def test_https_goes_through_the_proxy_tunnel(
    tls_server: LoopbackServer, proxy: RecordingProxy, ca: LocalCa
) -> None:
    tls_server.routes["/secure"] = Route(body=b"tunnelled")
    setup = NetworkSetup(ProxyPolicy.manual(proxy.url), ca_bundle=str(ca.ca_file))
    assert setup().get(tls_server.url("/secure", host="localhost")).text == "tunnelled"
    assert proxy.requests == [("CONNECT", f"localhost:{tls_server.port}")]


def test_mode_none_ignores_the_environment_and_system_follows_it(
    server: LoopbackServer, proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    server.routes["/"] = Route(body=b"direct")
    assert NetworkSetup(ProxyPolicy("none"))().get(server.url("/", "localhost")).text == "direct"
    assert proxy.requests == []
    assert NetworkSetup()().get(server.url("/", "localhost")).text == "via proxy"
    assert len(proxy.requests) == 1


def test_a_pac_file_is_fetched_once_and_decides_per_host(
    server: LoopbackServer, proxy: RecordingProxy
) -> None:
    host_port = proxy.url.removeprefix("http://")
    server.routes["/proxy.pac"] = Route(body=(
        "function FindProxyForURL(url, host) {\n"
        f'  if (dnsDomainIs(host, "localhost")) return "PROXY {host_port}; DIRECT";\n'
        '  return "DIRECT";\n'
        "}\n"
    ).encode(), headers={"Content-Type": "application/x-ns-proxy-autoconfig"})
    server.routes["/"] = Route(body=b"direct")
    prefs = Preferences(proxy_mode="pac", proxy_pac_url=server.url("/proxy.pac"))
    policy, problem = proxy_policy(prefs)
    assert not problem
    setup = NetworkSetup(policy)
    for _ in range(3):
        session = setup()
        assert session.get(server.url("/", "localhost")).text == "via proxy"
        assert session.get(server.url("/")).text == "direct"
        session.close()
    assert server.seen.count(("GET", "/proxy.pac")) == 1
    assert len(proxy.requests) == 3
    assert setup.describe()["proxy"] == {
        "mode": "pac", "pac_url": server.url("/proxy.pac"), "loaded": True
    }


def test_a_pac_file_with_a_dead_proxy_fails_over_to_the_next(
    server: LoopbackServer, proxy: RecordingProxy
) -> None:
    """``PROXY dead; PROXY alive; DIRECT``: the dead one is skipped, and tried last for a
    while; with every proxy dead, DIRECT is the last resort the PAC file names."""
    dead = f"127.0.0.1:{closed_port()}"
    alive = proxy.url.removeprefix("http://")
    server.routes["/proxy.pac"] = Route(body=(
        "function FindProxyForURL(url, host) {\n"
        f'  if (host == "localhost") return "PROXY {dead}; PROXY {alive}; DIRECT";\n'
        f'  return "PROXY {dead}; DIRECT";\n'
        "}\n"
    ).encode())
    server.routes["/"] = Route(body=b"direct")
    setup = NetworkSetup(ProxyPolicy.pac(server.url("/proxy.pac")))
    session = setup()

    assert session.get(server.url("/", "localhost")).text == "via proxy"
    assert proxy.requests == [("GET", server.url("/", host="localhost"))]
    assert setup.describe()["proxy"]["unreachable"] == [f"http://{dead}"]
    choices = setup.proxy.choices_for(server.url("/", "localhost"))
    assert choices == [{"http": f"http://{alive}"}, {}, {"http": f"http://{dead}"}]
    assert session.get(server.url("/")).text == "direct"  # the dead one, then DIRECT


def test_the_last_proxy_failing_is_a_proxy_error(server: LoopbackServer) -> None:
    dead = f"127.0.0.1:{closed_port()}"
    server.routes["/proxy.pac"] = Route(body=(
        f'function FindProxyForURL(url, host) {{ return "PROXY {dead}"; }}\n').encode())
    setup = NetworkSetup(ProxyPolicy.pac(server.url("/proxy.pac")))
    with pytest.raises(NetworkError) as failure:
        setup().get(server.url("/", "localhost"))
    assert failure.value.kind == NetworkErrorKind.UNREACHABLE
    assert failure.value.detail == "the proxy cannot be reached"  # not "the server"


@pytest.mark.parametrize(
    ("route", "why"),
    [(Route(404, b""), "HTTP 404"), (Route(body=b"function ("), "not valid")],
)
def test_a_broken_pac_file_means_direct_and_says_why(
    server: LoopbackServer, route: Route, why: str
) -> None:
    server.routes["/proxy.pac"] = route
    server.routes["/"] = Route(body=b"direct")
    setup = NetworkSetup(ProxyPolicy.pac(server.url("/proxy.pac")))
    assert setup().get(server.url("/")).text == "direct"
    assert why in setup.proxy.problem
    assert any(why in p for p in setup.describe()["problems"])


@needs_gsettings
def test_system_mode_follows_the_gnome_proxy_settings(
    server: LoopbackServer, proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GNOME Settings -> Network -> Proxy, written through the real gsettings tool
    (GLib's keyfile backend in the test's own config directory)."""
    for var, value in GNOME_ENV.items():
        monkeypatch.setenv(var, value)
    host, port = proxy.url.removeprefix("http://").split(":")
    gsettings_set([
        ("org.gnome.system.proxy", "mode", "manual"),
        ("org.gnome.system.proxy.http", "host", host),
        ("org.gnome.system.proxy.http", "port", port),
        ("org.gnome.system.proxy", "ignore-hosts", "['127.0.0.0/8']"),
    ])
    server.routes["/direct"] = Route(body=b"direct")

    setup = NetworkSetup()  # proxy_mode "system", the default
    session = setup()
    assert session.get(server.url("/via", host="localhost")).text == "via proxy"
    assert session.get(server.url("/direct")).text == "direct"
    assert proxy.requests == [("GET", server.url("/via", host="localhost"))]
    described = setup.describe()["proxy"]
    assert described["mode"] == "system"
    assert described["desktop"] == {
        "source": "GNOME (GSettings org.gnome.system.proxy)", "mode": "manual",
        "http": proxy.url, "https": proxy.url, "exclusions": ["127.0.0.0/8"],
    }


def test_system_mode_follows_a_kde_pac_file(
    server: LoopbackServer, proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch,
    isolated_xdg: dict[str, Path],
) -> None:
    host_port = proxy.url.removeprefix("http://")
    server.routes["/proxy.pac"] = Route(body=(
        "function FindProxyForURL(url, host) {\n"
        f'  return host == "localhost" ? "PROXY {host_port}" : "DIRECT";\n'
        "}\n"
    ).encode())
    server.routes["/"] = Route(body=b"direct")
    (isolated_xdg["XDG_CONFIG_HOME"] / "kioslaverc").write_text(
        f"[Proxy Settings]\nProxyType=2\nProxy Config Script={server.url('/proxy.pac')}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")

    setup = NetworkSetup()
    session = setup()
    assert session.get(server.url("/", "localhost")).text == "via proxy"
    assert session.get(server.url("/")).text == "direct"
    assert server.seen.count(("GET", "/proxy.pac")) == 1  # fetched directly, once
    desktop = setup.describe()["proxy"]["desktop"]
    assert desktop["mode"] == "pac" and desktop["loaded"] is True
    assert desktop["source"].startswith("KDE (")


def test_system_mode_follows_the_windows_automatic_configuration_script(
    server: LoopbackServer, proxy: RecordingProxy
) -> None:
    """The registry is a FAKE (there is no Windows here); the PAC file, its fetch, the
    proxy and the requests are real."""
    from tests.support.fake_winreg import FakeRegistry
    from workplace.net.desktop_proxy import INTERNET_SETTINGS, read_desktop_proxy

    host_port = proxy.url.removeprefix("http://")
    server.routes["/wpad.pac"] = Route(body=(
        "function FindProxyForURL(url, host) {\n"
        f'  return host == "localhost" ? "PROXY {host_port}" : "DIRECT";\n'
        "}\n"
    ).encode())
    server.routes["/"] = Route(body=b"direct")
    registry = FakeRegistry()
    registry.set(registry.HKEY_CURRENT_USER, INTERNET_SETTINGS, "AutoConfigURL",
                 server.url("/wpad.pac"), registry.REG_SZ)
    policy = ProxyPolicy("system", desktop_reader=lambda: read_desktop_proxy(
        {}, platform="win32", registry=registry))

    setup = NetworkSetup(policy)
    session = setup()
    assert session.get(server.url("/", "localhost")).text == "via proxy"
    assert session.get(server.url("/")).text == "direct"
    assert setup.describe()["proxy"]["desktop"]["source"].startswith("Windows (HKCU")


def test_system_mode_environment_beats_the_desktop(
    server: LoopbackServer, proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch,
    isolated_xdg: dict[str, Path],
) -> None:
    (isolated_xdg["XDG_CONFIG_HOME"] / "kioslaverc").write_text(
        f"[Proxy Settings]\nProxyType=1\nhttpProxy=http://127.0.0.1 {closed_port()}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    monkeypatch.setenv("http_proxy", proxy.url)
    server.routes["/"] = Route(body=b"direct")
    assert NetworkSetup()().get(server.url("/", "localhost")).text == "via proxy"
    assert len(proxy.requests) == 1


def test_a_desktop_setting_the_launcher_cannot_follow_is_reported(
    server: LoopbackServer, monkeypatch: pytest.MonkeyPatch, isolated_xdg: dict[str, Path],
) -> None:
    (isolated_xdg["XDG_CONFIG_HOME"] / "kioslaverc").write_text(
        "[Proxy Settings]\nProxyType=3\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    server.routes["/"] = Route(body=b"direct")
    setup = NetworkSetup()
    assert setup().get(server.url("/")).text == "direct"
    assert any("WPAD" in p for p in setup.describe()["problems"])


def test_system_mode_leaves_out_the_hosts_no_proxy_names(
    server: LoopbackServer, proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``no_proxy`` as requests read it: names (with their subdomains) and networks."""
    monkeypatch.setenv("http_proxy", proxy.url)
    monkeypatch.setenv("no_proxy", "127.0.0.0/8, intranet.example")
    server.routes["/"] = Route(body=b"direct")
    session = NetworkSetup()()
    assert session.get(server.url("/", "localhost")).text == "via proxy"
    assert session.get(server.url("/")).text == "direct"
    assert proxy.requests == [("GET", server.url("/", host="localhost"))]
    monkeypatch.setenv("no_proxy", "localhost")
    assert NetworkSetup()().get(server.url("/", "localhost")).text == "direct"
    assert len(proxy.requests) == 1


def test_the_proxy_gets_its_credentials_and_logs_never_show_them(
    server: LoopbackServer, proxy: RecordingProxy, tls_server: LoopbackServer, ca: LocalCa,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """User and password of a proxy URL (percent-encoded, as the desktop's settings are
    written) go to the proxy as Basic credentials, for plain requests and tunnels: in
    Latin-1 as requests sent them, in UTF-8 where Latin-1 has no letter for a name."""
    import base64
    import logging

    tls_server.routes["/secure"] = Route(body=b"tunnelled")
    caplog.set_level(logging.DEBUG)
    for login in ("k%C3%B6nig:s%40cret", "%C5%82ukasz:s%40cret"):
        with_login = proxy.url.replace("http://", f"http://{login}@")
        setup = NetworkSetup(ProxyPolicy.manual(with_login), ca_bundle=str(ca.ca_file))
        with setup() as session:
            assert session.get(server.url("/", "localhost")).text == "via proxy"
            assert session.get(tls_server.url("/secure", host="localhost")).text == "tunnelled"
        assert "cret" not in caplog.text and "cret" not in str(setup.describe())
    basic = ["Basic " + base64.b64encode(who.encode(encoding)).decode()
             for who, encoding in (("könig:s@cret", "latin-1"), ("łukasz:s@cret", "utf-8"))]
    assert proxy.credentials == [basic[0], basic[0], basic[1], basic[1]]
    assert [method for method, _ in proxy.requests] == ["GET", "CONNECT"] * 2


def _dead_proxy_pac(server: LoopbackServer, dead: str) -> str:
    server.routes["/proxy.pac"] = Route(body=(
        f'function FindProxyForURL(url, host) {{ return "PROXY {dead}; DIRECT"; }}\n'
    ).encode())
    return server.url("/proxy.pac")


def test_failing_over_from_a_proxy_logs_it_without_credentials(
    server: LoopbackServer, caplog: pytest.LogCaptureFixture,
) -> None:
    import logging

    dead = f"127.0.0.1:{closed_port()}"
    server.routes["/"] = Route(body=b"direct")
    setup = NetworkSetup(ProxyPolicy.pac(_dead_proxy_pac(server, dead)))
    caplog.set_level(logging.INFO, logger="workplace.net")
    assert setup().get(server.url("/")).text == "direct"
    assert f"proxy http://{dead} cannot be reached; trying the next one" in caplog.text


# =========================================================================== redirects


def test_a_redirect_to_another_host_drops_the_authorization(server: LoopbackServer) -> None:
    """As requests did: a token goes along a redirect within its host, never to another
    one (127.0.0.1 -> localhost is another host, though the same server)."""
    server.routes["/same"] = Route(302, b"", {"Location": "/target"})
    server.routes["/other"] = Route(
        302, b"", {"Location": server.url("/target", host="localhost")})
    server.routes["/target"] = Route(body=b"here")
    session = create_session(retries=0)
    token = {"Authorization": "Bearer secret"}
    assert session.get(server.url("/same"), headers=token).text == "here"
    assert session.get(server.url("/other"), headers=token).text == "here"
    sent = [(path, headers.get("authorization")) for _m, path, headers in server.received]
    assert sent == [
        ("/same", "Bearer secret"), ("/target", "Bearer secret"),
        ("/other", "Bearer secret"), ("/target", None),
    ]


def test_the_proxy_is_chosen_again_for_each_redirect_hop(
    server: LoopbackServer, proxy: RecordingProxy
) -> None:
    """127.0.0.1 is excluded (direct); its redirect to localhost goes through the proxy."""
    server.routes["/hop"] = Route(302, b"", {"Location": server.url("/next", host="localhost")})
    setup = NetworkSetup(ProxyPolicy.manual(proxy.url, exclusions=["127.0.0.0/8"]))
    assert setup().get(server.url("/hop")).text == "via proxy"
    assert server.seen == [("GET", "/hop")]
    assert proxy.requests == [("GET", server.url("/next", host="localhost"))]


def test_redirected_posts_become_gets_as_with_requests(server: LoopbackServer) -> None:
    """302 and 303 turn a POST into a GET without body; 307 sends it again as it was."""
    server.routes["/see-other"] = Route(303, b"", {"Location": "/target"})
    server.routes["/found"] = Route(302, b"", {"Location": "/target"})
    server.routes["/temporary"] = Route(307, b"", {"Location": "/target"})
    server.routes["/target"] = Route(body=b"here")
    session = create_session(retries=0)
    for path in ("/see-other", "/found", "/temporary"):
        assert session.post(server.url(path), data={"a": "1"}).text == "here"
    assert [(method, path) for method, path, _h in server.received] == [
        ("POST", "/see-other"), ("GET", "/target"), ("POST", "/found"), ("GET", "/target"),
        ("POST", "/temporary"), ("POST", "/target"),
    ]
    assert server.bodies == [b"a=1", b"a=1", b"a=1", b"a=1"]
    gets = [headers for method, _p, headers in server.received if method == "GET"]
    assert not any("content-type" in h or "content-length" in h for h in gets)


def test_more_than_five_redirects_are_refused(server: LoopbackServer) -> None:
    server.routes["/loop"] = Route(302, b"", {"Location": "/loop"})
    session = create_session(retries=0)
    with pytest.raises(NetworkError) as caught:
        session.get(server.url("/loop?token=x"))
    assert caught.value.kind is NetworkErrorKind.REDIRECT_REFUSED
    assert caught.value.url == server.url("/loop")
    assert server.seen.count(("GET", "/loop")) == 6
    kept = session.get(server.url("/loop"), allow_redirects=False)
    assert kept.status_code == 302 and kept.headers["location"] == "/loop"


# =========================================================================== bodies


class _CutServer:
    """Promises a longer body than it sends, then hangs up (a connection that breaks)."""

    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}/cut"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self._sock.accept()
                with conn:
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b")

    def close(self) -> None:
        self._sock.close()
        self._thread.join(timeout=5)


def test_a_body_that_breaks_off_is_a_network_error() -> None:
    """Reading the body fails as the request does, with a NetworkError: whole, streamed
    or read in pieces (urllib3's own errors used to escape a streamed read)."""
    cut = _CutServer()
    session = create_session(retries=0)
    try:
        with pytest.raises(NetworkError) as whole:
            session.get(cut.url)
        assert whole.value.kind is NetworkErrorKind.UNREACHABLE
        with session.get(cut.url, stream=True) as response, pytest.raises(NetworkError):
            response.read(1000)
        with session.get(cut.url, stream=True) as response, pytest.raises(NetworkError):
            list(response.iter_content(10))
    finally:
        cut.close()


# =========================================================================== counting


def test_every_session_of_a_setup_counts_its_bytes(server: LoopbackServer) -> None:
    server.routes["/a"] = Route(body=b"x" * 1000)
    setup = NetworkSetup()
    setup().get(server.url("/a"))
    got = get_capped(setup(), server.url("/a"), max_bytes=100)
    assert got.truncated and len(got.body) == 100
    assert setup.counter.received >= 1100
    assert setup.counter.sent > 0


class _RawServer:
    """Answers every request on a connection with the same bytes, and keeps what it got."""

    ANSWER = (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n"
              b"X-Padding: " + b"p" * 300 + b"\r\n\r\nhello")

    def __init__(self) -> None:
        self.received = 0
        self.answers = 0
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self.port = int(self._sock.getsockname()[1])
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            conn, _ = self._sock.accept()
            with conn:
                buffer = b""
                while True:
                    data = conn.recv(65536)
                    if not data:
                        return
                    self.received += len(data)
                    buffer += data
                    while b"\r\n\r\n" in buffer:
                        _head, buffer = buffer.split(b"\r\n\r\n", 1)
                        conn.sendall(self.ANSWER)
                        self.answers += 1

    def close(self) -> None:
        self._sock.close()
        self._thread.join(timeout=5)


def test_the_counter_sees_exactly_the_bytes_on_the_socket() -> None:
    raw = _RawServer()
    setup = NetworkSetup()
    try:
        for _ in range(2):  # one connection, kept alive between the two sessions
            with setup() as session:
                assert session.get(f"http://127.0.0.1:{raw.port}/x").text == "hello"
        got = get_capped(setup(), f"http://127.0.0.1:{raw.port}/y", max_bytes=100)
        assert got.body == b"hello"
    finally:
        setup.close()
        raw.close()
    assert raw.answers == 3
    assert setup.counter.sent == raw.received  # request lines, headers: every byte
    assert setup.counter.received == 3 * len(_RawServer.ANSWER)


def test_tls_handshakes_are_counted_and_kept_alive_connections_skip_them(
    tls_server: LoopbackServer, server: LoopbackServer, ca: LocalCa
) -> None:
    body = b"x" * 500
    tls_server.routes["/a"] = server.routes["/a"] = Route(body=body)

    def cost(setup: NetworkSetup, url: str) -> int:
        before = setup.counter.sent + setup.counter.received
        with setup() as session:
            assert session.get(url).content == body
        return setup.counter.sent + setup.counter.received - before

    plain, tls = NetworkSetup(), NetworkSetup(ca_bundle=str(ca.ca_file))
    plain_first, plain_again = cost(plain, server.url("/a")), cost(plain, server.url("/a"))
    tls_first, tls_again = cost(tls, tls_server.url("/a")), cost(tls, tls_server.url("/a"))
    # The first HTTPS request carries the handshake (certificates and all) ...
    assert tls_first - plain_first > 1000, (tls_first, plain_first)
    # ... the next one, on the same connection, only the TLS record overhead.
    assert plain_again == plain_first
    assert 0 < tls_again - plain_again < 200, (tls_again, plain_again)
    # A closed setup starts over with a new handshake.
    tls.close()
    assert cost(tls, tls_server.url("/a")) - plain_first > 1000


def test_sessions_of_a_setup_share_the_keep_alive_pool(server: LoopbackServer) -> None:
    server.routes["/a"] = Route(body=b"ok")
    accepted = [0]
    original = server._server.get_request

    def counted() -> Any:
        accepted[0] += 1
        return original()

    server._server.get_request = counted  # type: ignore[method-assign]
    setup = NetworkSetup()
    for _ in range(3):
        with setup() as session:  # closing a session leaves the shared pool alone
            session.get(server.url("/a"))
        get_capped(setup(), server.url("/a"), max_bytes=100, method="HEAD")
    assert accepted[0] == 1
    own = create_session(retries=0)  # a session of its own closes its own pool
    own.get(server.url("/a"))
    own.close()
    own.get(server.url("/a"))  # requests remounts nothing: the pool was emptied
    assert accepted[0] == 3


# =========================================================================== detection


def _network(**values: Any) -> NetworkSettings:
    return NetworkSettings.model_validate(values)


def test_office_when_the_intranet_probe_answers(server: LoopbackServer) -> None:
    server.routes["/intranet"] = Route(204, b"")
    server.routes["/204"] = Route(204, b"")
    network = _network(
        intranet_probe_url=server.url("/intranet"), captive_portal_check_url=server.url("/204")
    )
    factory = NetworkSetup().factory(retries=0)
    office = detect_profile(factory, network, interfaces=["eth0", "lo"])
    assert (office.kind, office.vpn, office.intranet_reachable) == (ProfileKind.OFFICE, False, True)
    vpn = detect_profile(factory, network, interfaces=["eth0", "tun0"])
    assert (vpn.kind, vpn.vpn, vpn.vpn_interfaces) == (ProfileKind.HOME, True, ("tun0",))
    mobile = detect_profile(factory, network, interfaces=["wwan0"], metered=True)
    assert mobile.kind == ProfileKind.MOBILE


def test_home_when_the_intranet_is_silent(server: LoopbackServer) -> None:
    server.routes["/204"] = Route(204, b"")
    network = _network(
        intranet_probe_url=f"http://127.0.0.1:{closed_port()}/intranet",
        captive_portal_check_url=server.url("/204"),
    )
    home = detect_profile(NetworkSetup().factory(retries=0), network, interfaces=[])
    assert (home.kind, home.vpn, home.intranet_reachable) == (ProfileKind.HOME, False, False)


@pytest.mark.parametrize(
    ("route", "login"),
    [
        (Route(302, b"", {"Location": "http://login.portal.test/?dest=x"}),
         "http://login.portal.test/?dest=x"),
        (Route(200, b"<html>Bitte anmelden</html>"), None),
        (Route(511, b""), None),
    ],
)
def test_captive_portal_detected(server: LoopbackServer, route: Route, login: str | None) -> None:
    server.routes["/204"] = route
    network = _network(captive_portal_check_url=server.url("/204"))
    profile = detect_profile(NetworkSetup().factory(retries=0), network, interfaces=[])
    assert profile.kind == ProfileKind.CAPTIVE
    assert profile.captive_login_url == login
    assert profile.captive_open_url == server.url("/204")


def test_expected_body_variant_of_the_check(server: LoopbackServer) -> None:
    server.routes["/check"] = Route(200, b"success\n")
    network = _network(
        captive_portal_check_url=server.url("/check"), captive_portal_check_body="success"
    )
    assert detect_profile(NetworkSetup(), network, interfaces=[]).kind == ProfileKind.HOME


def test_offline_when_the_check_fails_and_no_request_when_disconnected(
    server: LoopbackServer,
) -> None:
    network = _network(captive_portal_check_url=f"http://127.0.0.1:{closed_port()}/204")
    assert detect_profile(NetworkSetup(), network, interfaces=[]).kind == ProfileKind.OFFLINE
    watched = _network(
        intranet_probe_url=server.url("/intranet"), captive_portal_check_url=server.url("/204")
    )
    profile = detect_profile(NetworkSetup(), watched, reachability="disconnected", interfaces=[])
    assert profile.kind == ProfileKind.OFFLINE
    assert server.seen == []


# --------------------------------------------------------------------------- slow drip


def test_a_dripping_answer_ends_at_the_deadline_over_tls(
    tls_server: LoopbackServer, ca: LocalCa
) -> None:
    """A probe's deadline ends the whole exchange, TLS records included: headers that
    drip are a TIMEOUT; a body that drips after the status is cut short (the status
    stands). Each byte comes well within the read timeout, so only the deadline ends it.
    The body's deadline also covers the TLS handshake and the status line, which a
    loaded machine may take over a second for: 5 s, and a body that would drip for 50."""
    import time

    session = create_session(retries=0, ca_bundle=ca.ca_file)
    tls_server.routes["/head"] = Route(200, b"ok" * 50, drip=0.05, drip_head=True)
    with pytest.raises(NetworkError) as caught:
        get_capped(session, tls_server.url("/head"), max_bytes=1000,
                   deadline=time.monotonic() + 1.0)
    assert caught.value.kind is NetworkErrorKind.TIMEOUT
    assert tls_server.hung_up.wait(10)

    tls_server.hung_up.clear()
    tls_server.routes["/body"] = Route(200, b"ok" * 500, drip=0.05)
    got = get_capped(session, tls_server.url("/body"), max_bytes=10_000,
                     deadline=time.monotonic() + 5.0)
    assert got.status == 200 and got.truncated and len(got.body) < 1000
    assert tls_server.hung_up.wait(10)
    assert not tls_server.dripped.is_set()


def test_retry_after_waits_only_within_the_deadline(server: LoopbackServer) -> None:
    """A 503 with ``Retry-After: 86400`` made urllib3 sleep a day before its retry; the
    wait now ends with the caller's deadline (and never lasts over a few seconds)."""
    from workplace.net.deadline import time_limit

    server.routes["/busy"] = Route(503, b"busy", {"Retry-After": "86400"})
    session = create_session(retries=2)
    with time_limit(1.0), pytest.raises(NetworkError) as caught:
        session.get(server.url("/busy"))
    assert caught.value.kind is NetworkErrorKind.TIMEOUT
    assert server.seen.count(("GET", "/busy")) == 1
