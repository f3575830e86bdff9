"""How serve configures the two Voilà servers, and the pieces of kit.serving.voila_extension that need no server."""

import json
import struct
from types import SimpleNamespace

import pytest

from kit.apps.page_request import request_query_string
from kit.serving.launcher import (
    MAX_PARTICIPANTS,
    ServeConfig,
    TOKEN_ENV,
    commands,
    default_max_participants,
    environment,
    is_loopback,
    join_url,
    kernel_mb,
    kernel_transport,
)

MB = 2**20


def test_the_cap_follows_free_memory_at_60_mb_a_phone_and_stops_at_200():
    assert default_max_participants(1024 * MB + 60 * 10 * MB) == 10
    assert default_max_participants(64 * 1024 * MB) == MAX_PARTICIPANTS == 200
    assert default_max_participants(100 * MB) == 1  # a full laptop still lets the facilitator test one phone


def test_on_postgresql_the_cap_counts_the_bigger_kernel(monkeypatch):
    free = 1024 * MB + 70 * 10 * MB
    assert default_max_participants(free, kernel_mb("postgresql://u@db/kit")) == 10
    assert default_max_participants(free, kernel_mb("sqlite:///data/kit.sqlite")) == 11
    monkeypatch.setattr("kit.serving.launcher.psutil.virtual_memory", lambda: SimpleNamespace(available=free))
    assert ServeConfig("postgresql://u@db/kit", "ABC234").max_participants == 10


def test_pool_is_the_expected_room_but_never_more_than_the_cap():
    assert ServeConfig("sqlite://", "ABC234", max_participants=100).pool_size == 60
    assert ServeConfig("sqlite://", "ABC234", expected_participants=150, max_participants=100).pool_size == 100
    assert ServeConfig("sqlite://", "ABC234", expected_participants=0, max_participants=10).pool_size == 0


def _participant(config):
    return " ".join(commands(config)["deelnemers"])


def _facilitator(config):
    return " ".join(commands(config)["begeleider"])


def test_participant_server_preheats_caps_and_serves_one_page():
    line = _participant(ServeConfig("sqlite://", "ABC234", max_participants=80, abandoned_after=300))
    for option in ("-m kit.serving.voila_extension", "deelnemer.ipynb", "--Voila.ip=0.0.0.0", "--KitVoila.single_page=True",
                   "--KitVoila.max_kernels=80", "--preheat_kernel=True", "--pool_size=60",
                   "--VoilaKernelManager.fill_delay=", "--KernelManager.transport=ipc",
                   "--MappingKernelManager.cull_idle_timeout=300", "--MappingKernelManager.cull_connected=False",
                   "--VoilaConfiguration.allow_template_override=NO", "--show_tracebacks=False"):
        assert option in line


@pytest.mark.parametrize("os_name, options", [("posix", ["--KernelManager.transport=ipc"]), ("nt", [])])
def test_kernels_talk_over_unix_sockets_where_there_are_any(os_name, options):
    assert kernel_transport(os_name) == options


def test_no_pool_means_no_preheat_options():
    line = _participant(ServeConfig("sqlite://", "ABC234", expected_participants=0, max_participants=5))
    assert "preheat" not in line and "--KitVoila.max_kernels=5" in line


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1"])
def test_facilitator_on_this_laptop_needs_no_token(host):
    config = ServeConfig("sqlite://", "ABC234", facilitator_host=host, max_participants=5)
    assert is_loopback(host)
    assert config.facilitator_token is None
    assert "token" not in config.facilitator_url
    assert f"--Voila.ip={host}" in _facilitator(config)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::"])
def test_facilitator_on_the_network_gets_a_token_in_its_link_not_on_a_command_line(host):
    config = ServeConfig("sqlite://", "ABC234", facilitator_host=host, max_participants=5)
    assert not is_loopback(host)
    assert config.facilitator_token and len(config.facilitator_token) >= 24
    assert config.facilitator_url.endswith(f"?token={config.facilitator_token}")
    assert config.screen_url.endswith(f"?token={config.facilitator_token}")
    everything = _facilitator(config) + _participant(config)
    assert config.facilitator_token not in everything
    # Two serves, two tokens.
    assert ServeConfig("sqlite://", "ABC234", facilitator_host=host, max_participants=5).facilitator_token != \
        config.facilitator_token


def test_participants_only_starts_the_phones_server_alone_and_never_a_token():
    config = ServeConfig("postgresql://u@db/kit", "ABC234", facilitator_host="0.0.0.0", max_participants=5,
                         participants_only=True)
    assert list(commands(config)) == ["deelnemers"]
    assert config.facilitator_token is None
    assert "--KitVoila.single_page=True" in _participant(config)


@pytest.mark.parametrize("given,shown", [("https://stemmen.example.nl", "https://stemmen.example.nl/"),
                                         ("https://example.nl/stem/", "https://example.nl/stem/")])
def test_the_qr_shows_the_proxy_address_when_given(given, shown):
    config = ServeConfig("sqlite://", "ABC234", max_participants=5, public_join_url=given)
    assert config.join_url == f"{shown}?code=ABC234"
    assert environment(config)["TEAMLEERGESPREK_JOIN_URL"] == shown


def test_kernels_inherit_no_request_variables_and_no_token_from_the_shell(monkeypatch):
    monkeypatch.setenv("QUERY_STRING", "code=OLDOLD")
    monkeypatch.setenv(TOKEN_ENV, "secret")
    env = environment(ServeConfig("sqlite:///x.sqlite", "ABC234", max_participants=5))
    assert "QUERY_STRING" not in env and TOKEN_ENV not in env
    assert env["TEAMLEERGESPREK_SESSION"] == "ABC234"


def test_a_kernel_voila_started_for_the_request_reads_its_query_string():
    environ = {"QUERY_STRING": "code=abc234"}
    assert request_query_string(environ, receive=lambda url: pytest.fail("must not wait")) == "code=abc234"


def test_a_preheated_kernel_waits_for_its_request_even_with_an_inherited_query_string():
    asked = []
    environ = {"VOILA_PREHEAT": "True", "QUERY_STRING": "code=OLDOLD", "VOILA_APP_PORT": "9999",
               "VOILA_SERVER_URL": "/", "VOILA_KERNEL_ID": "k-1"}

    def receive(url):
        asked.append(url)
        return {"QUERY_STRING": "code=NEW234", "SCRIPT_NAME": "/"}

    assert request_query_string(environ, receive=receive) == "code=NEW234"
    assert asked == ["ws://127.0.0.1:9999/voila/query/k-1"]
    # Asked once: the notebook may read it again without waiting for a second phone.
    assert request_query_string(environ, receive=lambda url: pytest.fail("asked twice")) == "code=NEW234"


def test_a_preheated_kernel_without_request_info_shows_the_code_entry():
    def receive(url):
        raise ConnectionRefusedError

    assert request_query_string({"VOILA_PREHEAT": "True"}, receive=receive) == ""


def test_the_full_page_is_dutch_and_escaped():
    from kit.serving.voila_extension import full_page

    page = full_page("nl")
    assert "Deze sessie is vol" in page and "lang='nl'" in page
    assert "This session is full" in full_page("en")
    assert "<script" not in page


def test_a_legacy_binary_frame_header_is_read_in_its_own_layout():
    from kit.serving.voila_extension import _legacy_header

    message = json.dumps({"header": {"msg_type": "comm_msg"}, "content": {}}).encode()
    buffers = [b"x" * 10]
    offsets = [4 * 3, 4 * 3 + len(message)]
    frame = struct.pack("!III", 2, *offsets) + message + buffers[0]
    assert _legacy_header(frame) == {"msg_type": "comm_msg"}
    # A v1 frame (8-byte little-endian offsets) is not misread as an enormous count.
    assert _legacy_header((5).to_bytes(8, "little") + b"\0" * 40) is None
    assert _legacy_header(b"") is None


def test_the_join_address_is_the_one_serve_prints_unless_another_laptop_address_is_given(monkeypatch):
    monkeypatch.setattr("kit.settings.lan_address", lambda: "192.168.1.23")
    config = ServeConfig("sqlite:///x.sqlite", "K7M2QX", max_participants=10)
    assert config.join_url == join_url("K7M2QX") == "http://192.168.1.23:8866/?code=K7M2QX"
    assert join_url("K7M2QX", "10.0.0.7") == "http://10.0.0.7:8866/?code=K7M2QX"


def test_a_closed_session_runs_its_facilitators_page_only():
    config = ServeConfig("sqlite://", "ABC234", max_participants=5, facilitator_only=True)
    assert set(commands(config)) == {"begeleider"} and config.pool_size == 0
