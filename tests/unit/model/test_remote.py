"""The remote's secret: made once per session, checked in constant time, nothing without it."""

import hmac

from kit.model.remote import REMOTE_PARAMETER, remote_allowed, remote_url, token_from_query


def test_a_session_has_one_secret_made_on_first_ask(store, session):
    first = store.sessions.remote_token(session.code)
    assert len(first) >= 32 and first == store.sessions.remote_token(session.code)
    other = store.sessions.create_session(session.record.template, "Team Zuid", "2026-11-29", "welkom")
    assert store.sessions.remote_token(other.code) != first
    assert store.sessions.remote_token("NOPE00") is None


def test_only_the_sessions_own_secret_opens_the_remote(store, session):
    token = store.sessions.remote_token(session.code)
    other = store.sessions.create_session(session.record.template, "Team Zuid", "2026-11-29", "welkom")
    assert remote_allowed(store, session.code, token)
    assert not remote_allowed(store, session.code, token[:-1])
    assert not remote_allowed(store, session.code, token + "x")
    assert not remote_allowed(store, session.code, "")
    assert not remote_allowed(store, session.code, None)
    assert not remote_allowed(store, other.code, token)  # one session's secret is not another's
    assert not remote_allowed(store, "", token)
    assert not remote_allowed(store, "NOPE00", token)


def test_the_secret_is_compared_in_constant_time(store, session, monkeypatch):
    compared = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: compared.append((a, b)) or real(a, b))
    token = store.sessions.remote_token(session.code)
    assert not remote_allowed(store, session.code, "wrong")
    assert compared == [(token.encode(), b"wrong")]


def test_the_remote_address_is_the_phones_page_with_the_secret():
    url = remote_url("http://10.0.0.5:8866/", "ABC123", "s3cr+t")
    assert url == f"http://10.0.0.5:8866/?code=ABC123&{REMOTE_PARAMETER}=s3cr%2Bt"
    query = url.split("?", 1)[1]
    assert token_from_query(query) == "s3cr+t"
    assert token_from_query("code=ABC123") is None  # a participant's page
    assert token_from_query(f"code=ABC123&{REMOTE_PARAMETER}=") == ""  # the remote's, without its secret
