# SPDX-License-Identifier: EUPL-1.2
"""What the sign-in sends: the PKCE challenge, the authorization URL and the token
request body (built with the standard library; the real provider checks them in
tests/integration/test_auth_flows.py)."""

from __future__ import annotations

from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlsplit

from workplace.auth.authorize import grant_url
from workplace.auth.pkce import Attempt, s256_challenge
from workplace.auth.tokens import token_request


def test_the_pkce_challenge_is_rfc_7636s_own_example() -> None:
    # RFC 7636, Appendix B.
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert s256_challenge(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    attempt = Attempt()
    assert attempt.code_challenge == s256_challenge(attempt.code_verifier)
    assert "=" not in attempt.code_challenge and len(attempt.code_challenge) == 43


class _Provider:
    client_id = "arbeitsplatz desktop"
    scopes = ("openid", "profile", "offline_access")
    extra_auth_params: ClassVar[dict[str, str]] = {"prompt": "consent", "kc_idp_hint": "saml&co"}


def _metadata(endpoint: str) -> Any:
    class Meta:
        authorization_endpoint = endpoint
    return Meta()


def test_the_authorization_url_keeps_the_endpoints_query_and_encodes_every_value() -> None:
    attempt = Attempt()
    url = grant_url(_Provider(), _metadata("https://id.example/auth?tenant=musterstadt&x="),  # type: ignore[arg-type]
                    "http://127.0.0.1:4711/callback", attempt,
                    resources=("https://mail.example/", "https://chat.example/"))
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "id.example", "/auth")
    query = parse_qsl(parts.query, keep_blank_values=True)
    assert query[:2] == [("tenant", "musterstadt"), ("x", "")]
    params = dict(query)
    assert params["response_type"] == "code"
    assert params["client_id"] == "arbeitsplatz desktop"
    assert params["redirect_uri"] == "http://127.0.0.1:4711/callback"
    assert params["scope"] == "openid profile offline_access"
    assert (params["state"], params["nonce"]) == (attempt.state, attempt.nonce)
    assert params["code_challenge"] == attempt.code_challenge
    assert params["code_challenge_method"] == "S256"
    assert params["kc_idp_hint"] == "saml&co" and params["prompt"] == "consent"
    assert [v for k, v in query if k == "resource"] == ["https://mail.example/",
                                                        "https://chat.example/"]
    assert attempt.code_verifier not in url
    assert "saml%26co" in url and " " not in url


class _Session:
    """Records the POST; answers like a token endpoint."""

    def __init__(self) -> None:
        self.body = ""

    def post(self, url: str, data: Any = None, **_kwargs: Any) -> Any:
        self.body = data

        class Answer:
            status_code = 200
            headers: ClassVar[dict[str, str]] = {}

            @staticmethod
            def json() -> dict[str, Any]:
                return {"access_token": "a", "token_type": "Bearer", "expires_in": 60}
        return Answer()


def test_the_token_request_is_a_form_with_the_grant_first_and_no_empty_values() -> None:
    session = _Session()
    token_request(session, "https://id.example/token", "refresh_token",  # type: ignore[arg-type]
                  refresh_token="r/t+=&x", client_id="arbeitsplatz desktop", scope="")
    assert isinstance(session.body, str)
    assert parse_qsl(session.body, keep_blank_values=True) == [
        ("grant_type", "refresh_token"), ("refresh_token", "r/t+=&x"),
        ("client_id", "arbeitsplatz desktop"),
    ]
