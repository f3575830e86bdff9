"""The nginx configuration in docs/deploy.md, as written there (only https and the addresses swapped), in front of
two phones' servers on one PostgreSQL database: phones are spread over both servers, every phone's websocket
reaches the server that holds its kernel, and a phone in Chromium answers through the proxy."""

import asyncio
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect
from voila_protocol import Phone, fetch

from serving import (click_next, LoopThread, free_port, open_facilitator, open_phone, participant_kernels, start_serve,
                     stop_serving, wait_for_port)


DEPLOY = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def documented_config() -> str:
    blocks = re.findall(r"```nginx\n(.*?)```", DEPLOY.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) == 1, "docs/deploy.md should hold exactly one nginx block"
    return blocks[0]


def local_config(documented: str, listen: int, upstreams: list[int], folder: Path) -> str:
    """The documented block on loopback without TLS, inside the minimal frame nginx needs to run as a test."""
    servers = "".join(f"    server 127.0.0.1:{port};\n" for port in upstreams)
    config, count = re.subn(r"(?:    server [\d.]+:\d+;\n)+", servers, documented)
    assert count == 1
    config = config.replace("listen 443 ssl;", f"listen 127.0.0.1:{listen};")
    config = re.sub(r"\n\s*ssl_certificate(_key)?\s[^\n]*", "", config)
    config = config.replace("Secure; ", "")  # http on loopback in this test
    # Only so the test can see where a request went; routing is the documented config's.
    config = config.replace("    location / {\n", "    location / {\n        add_header X-Upstream $upstream_addr always;\n")
    temp = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(mode=0o777)
        path.chmod(0o777)  # nginx's workers may run as another user than the test
    return (f"pid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} warn;\nevents {{}}\nhttp {{\n"
            f"client_body_temp_path {temp['body']};\nproxy_temp_path {temp['proxy']};\n"
            f"fastcgi_temp_path {temp['fastcgi']};\nuwsgi_temp_path {temp['uwsgi']};\nscgi_temp_path {temp['scgi']};\n"
            f"{config}}}\n")


@pytest.fixture
def proxied(pg_url, tmp_path):
    if not Path(NGINX).exists():
        pytest.fail("nginx ontbreekt: `make test` installeert het met apt (pakket nginx).")
    created = subprocess.run([sys.executable, "-m", "kit", "--db", pg_url, "new", "--team", "Achter de proxy"],
                             capture_output=True, text=True, check=True)
    code = created.stdout.strip().splitlines()[-1]
    port = free_port()
    proxy_url = f"http://127.0.0.1:{port}/"
    first = start_serve(pg_url, code, tmp_path / "serve-a.log", serve_args=["--join-url", proxy_url])
    second = start_serve(pg_url, code, tmp_path / "serve-b.log", serve_args=["--participants-only"],
                         session_option=False)
    folder = tmp_path / "nginx"
    folder.mkdir()
    (folder / "nginx.conf").write_text(
        local_config(documented_config(), port, [first.participant_port, second.participant_port], folder))
    nginx = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"],
                             stdout=subprocess.DEVNULL, stderr=open(folder / "stderr.log", "wb"))
    try:
        wait_for_port(port, nginx)
        yield proxy_url, first, second
    finally:
        nginx.terminate()
        nginx.wait(10)
        leftovers = stop_serving(second) + stop_serving(first)
        assert not leftovers, f"serve left processes running: {leftovers}"


def kernel_ids(served) -> set[str]:
    ids = set()
    for kernel in participant_kernels(served):
        found = re.search(r"kernel-([0-9a-f-]+)\.json", " ".join(kernel.cmdline()))
        if found:
            ids.add(found.group(1))
    return ids


def test_phones_behind_the_documented_proxy_stay_with_the_server_of_their_kernel(browser, proxied):
    proxy_url, first, second = proxied
    join = f"{proxy_url}?code={first.code}"

    async def phones():
        # A cookie value for each server, found with requests that start no kernel.
        servers = {f"127.0.0.1:{first.participant_port}", f"127.0.0.1:{second.participant_port}"}
        key_for = {}
        for i in range(200):
            page = await fetch(f"{proxy_url}nergens", headers={"Cookie": f"tlg_server=k{i}"})
            key_for.setdefault(page.headers.get("X-Upstream"), f"k{i}")
            if len(key_for) == 2:
                break
        assert set(key_for) == servers, f"no cookie value led to each server: {key_for}"
        keys = [key_for[f"127.0.0.1:{first.participant_port}"], key_for[f"127.0.0.1:{second.participant_port}"]]
        # Two phones that already carry each server's cookie, four that arrive without one (nginx gives it).
        placed = [Phone(join, headers={"Cookie": f"tlg_server={key}"}) for key in keys for _ in range(2)]
        fresh = [Phone(join) for _ in range(4)]
        for phone in placed + fresh:
            await phone.open(timeout=120)
            await phone.wait_for(lambda p: "Even wachten" in p.text(), 60)
        return placed, fresh

    loop = LoopThread()  # one loop for the simulated phones from opening to closing
    try:
        placed, fresh = loop.run(phones())
        check_and_answer(browser, first, second, join, placed, fresh)
        loop.run(close(placed + fresh))
    finally:
        loop.close()


async def close(phones):
    await asyncio.gather(*(phone.close(shutdown=True) for phone in phones))


def check_and_answer(browser, first, second, join, placed, fresh):
    on_first, on_second = kernel_ids(first), kernel_ids(second)
    assert {p.page.kernel_id for p in placed[:2]} <= on_first
    assert {p.page.kernel_id for p in placed[2:]} <= on_second
    # Every phone's websocket reached the server that holds its kernel (else it would not have its widgets).
    for phone in fresh:
        assert phone.page.kernel_id in on_first | on_second
        assert "tlg_server=" in phone.page.cookies

    # A real phone through the proxy: the page, its assets and its websocket (with the browser's Origin) work.
    facilitator = open_facilitator(browser, first.facilitator_url)
    expect(facilitator.locator(".tlg-join").first).to_contain_text(join)
    phone = open_phone(browser, join)
    click_next(facilitator, first, 3)  # Welkom -> Introductie -> Startoefening -> vraag 1
    phone.get_by_role("button", name="vaardig", exact=True).click()
    expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
    expect(facilitator.locator(".tlg-count")).to_have_text("1 antwoord")
