"""Voilà as the kit runs it: `python -m kit.serving.voila_extension NOTEBOOK-OR-FOLDER [voila options]`, started by kit.serving.launcher.

What it adds to Voilà 0.5 (each at the extension point Voilà offers for it):
- a cap on kernels (`--KitVoila.max_kernels`): past it the phone gets a "Deze sessie is vol" page (in the session's language) and no
  kernel is started. The check sits in the page handler (a subclass of Voilà's), before any kernel work;
- a pool of preheated kernels that stays inside the cap: filled to `--pool_size` at start, refilled (after
  `--VoilaKernelManager.fill_delay`) only up to `--KitVoila.refill_size`, and never past the cap. A request takes a
  kernel that is ready; when none is, it starts one as Voilà would without a pool instead of waiting for a refill
  that is still sleeping. (Voilà builds its pool class around `multi_kernel_manager_class` in
  `voila_kernel_manager_factory`; we subclass what that returns.)
- abandoned kernels are shut down: a participant kernel without any websocket for
  `--MappingKernelManager.cull_idle_timeout` seconds (a closed tab whose unload message never came, a script that
  only loads pages). Jupyter's own rule also wants the kernel quiet, which a phone's kernel never is while the
  facilitator moves on;
- the `_xsrf` cookie is set with the page, so the page's unload beacon (`/voila/api/shutdown/<kernel>`) is accepted
  and a closed tab frees its kernel at once (without the cookie Voilà answers that beacon with 403);
- in single-notebook mode (`--KitVoila.single_page=True`, the participant server) nothing but the page: every other
  path is 404 (Voilà would redirect it to its file handler), no login pages;
- Voilà's kernel websocket reads a frame's header with the v1 protocol's layout even when the client chose the
  legacy protocol; a legacy frame with buffers then makes the server loop and grow without bound. We read each
  frame in the layout of the protocol that connection uses;
- more zmq sockets and open files than the defaults (1,023 sockets per context: about 120 kernels);
- no page needs the internet: Voilà's lab template links two Font Awesome stylesheets on a CDN (render-blocking: on
  a network that drops packets a phone stayed blank for 31 s). The kit uses no icons, and Voilà's own bundle
  (voila-style.js) carries Font Awesome 5 with its fonts served from this server anyway, so the page handler drops
  every stylesheet <link> to another host (see `offline_html`; Voilà issue #539 asks for the same);
- every page keeps an eye on its kernel (`watch_script`, injected before </head>; `/kit/alive/<kernel>` answers
  whether this server still has it): after `serve` restarts, or when the kernel was stopped, the page says so and
  reloads itself, and lands on the current step. It also writes the group token that a Werkvorm 3 phone shows
  (`data-tlg-group`) into the page's address, so a reload of that phone gets its group back;
- every page is in its language and has a title in words (`page_html`: `<html lang>` is the server's language,
  Voilà's template says "en"; `<title>` names the page, not the notebook file), and `a11y_script` keeps the page
  accessible as widgets come and go: what ipywidgets cannot say itself (an aria-pressed state, a live region, a
  button's full name, a chart's text alternative, a phone following its session's language) it reads from CSS
  classes and attributes the kit's widgets set;
- the facilitator's token comes from the environment (`TEAMLEERGESPREK_VOILA_TOKEN`, not the command line that
  `ps` shows) and is not passed on to kernels.
"""

from __future__ import annotations

import contextvars
import html
import json
import re
import struct
import time

import tornado.web
import voila.app as voila_app
import zmq
from traitlets import Bool, Integer
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from kit import settings
from kit.i18n import catalog, language, translate

V1 = "v1.kernel.websocket.jupyter.org"
ZMQ_MAX_SOCKETS = 16_384
OPEN_FILES = 32_768

# The page request that is starting a kernel right now (set by the handler, read by the kernel manager).
ADMISSION: contextvars.ContextVar = contextvars.ContextVar("kit_admission", default=None)
# The pool task that is starting a kernel right now (each task runs in its own context).
POOL_CLAIM: contextvars.ContextVar = contextvars.ContextVar("kit_pool_claim", default=None)


def full_page(lang: str) -> str:
    title, text, again = (translate(lang, key) for key in ("full.title", "full.text", "full.again"))
    return (
        "<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'><title>{title}</title></head>"
        "<body style='font-family:system-ui,sans-serif;font-size:20px;margin:24px;line-height:1.4'>"
        "<h1 style='font-size:26px'>{title}</h1><p>{text}</p>"
        "<p><a href='' style='display:inline-block;padding:12px 20px;background:#1f5f8b;color:#fff;"
        "border-radius:6px;text-decoration:none'>{again}</a></p></body></html>"
    ).format(lang=html.escape(lang), title=html.escape(title), text=html.escape(text), again=html.escape(again))


# A stylesheet or font <link> to another host: http(s):// or protocol-relative //host.
EXTERNAL_LINK = re.compile(r"""<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^>]*>\s*""", re.IGNORECASE)
WATCH_SECONDS = 3


def offline_html(chunk: str) -> str:
    """The page without links to other hosts (Voilà's template puts Font Awesome from a CDN in the <head>)."""
    return EXTERNAL_LINK.sub("", chunk) if "<link" in chunk else chunk


HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
TITLE_TAG = re.compile(r"<title>.*?</title>", re.IGNORECASE | re.DOTALL)


def page_title(lang: str, notebook: str | None) -> str:
    """"Teamleergesprek · deelnemen" for deelnemer.ipynb (a page without its own title: the kit's name)."""
    name = (notebook or "").replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".ipynb")
    key = f"page.title.{name}"
    return translate(lang, key if key in catalog().messages else "participant.title")


def page_html(chunk: str, lang: str, notebook: str | None) -> str:
    """The page's <html> tag with its language and its <title> in words (both in the first chunk with the head)."""
    chunk = HTML_TAG.sub(f'<html lang="{html.escape(lang)}">', chunk, count=1)
    return TITLE_TAG.sub(f"<title>{html.escape(page_title(lang, notebook))}</title>", chunk, count=1)


def a11y_script() -> str:
    """Runs in every page, after every change of the widgets (a MutationObserver, one pass per frame):
    - `[data-tlg-lang]` / `[data-tlg-title]` (a phone that speaks its session's language): the page's lang and title;
    - `.tlg-status`, `.tlg-live`: a polite live region (role=status), so what a tap did is read out;
    - `.tlg-activity` (the room's panel that scrolls when a board or plan is long): reachable with Tab, so a
      keyboard can scroll it too (WCAG 2.1.1, axe `scrollable-region-focusable`);
    - `button.tlg-choice`: aria-pressed follows `.tlg-selected` (the chosen option is not only a colour); a
      ToggleButton's ("Deel met de zaal") follows ipywidgets' `.mod-active`;
    - `button.tlg-named[title]`: the button's name is its tooltip ("+ sticker op: <punt>"), which begins with the
      visible text (WCAG 2.5.3), or gets it in front ("+10 — 10 punten meer voor: <optie>");
    - `.tlg-heading` / `.tlg-heading-1`: an HTML widget that is a heading (level 2 / 1) without changing its look;
    - `.tlg-label-heading`: the field in it is named by the heading just before it (aria-labelledby);
    - `.tlg-status-error` with text: the field before it in the same view is aria-invalid and described by it;
    - a new question (a `.tlg-heading` or a naslag title that was not there before) takes the focus when the focus
      was lost with the view it was in (the facilitator moved on, a step changed), never while someone types;
      when the same screen was only redrawn (a sticker placed rebuilds its row), the control of the same name does;
    - `img.tlg-chart` (an ipywidgets Image, which has no `alt`): its alt is the text of the `.tlg-chart-alt` beside it
      (the figures in words), next to it or else just before it."""
    return """<script>(function () {
  var queued = false, ids = 0, seen = new WeakSet(), loaded = false, focused = null, focusedName = '';
  function id(el) { if (!el.id) { el.id = 'tlg-a11y-' + (++ids); } return el.id; }
  function headingBefore(el) {
    var found = null;
    each('.tlg-heading', function (h) { if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) { found = h; } });
    return found;
  }
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  function set(el, name, value) { if (el.getAttribute(name) !== value) { el.setAttribute(name, value); } }
  function fix() {
    queued = false;
    var langs = document.querySelectorAll('[data-tlg-lang]');
    if (langs.length) {
      var last = langs[langs.length - 1];
      set(document.documentElement, 'lang', last.getAttribute('data-tlg-lang'));
      var title = last.getAttribute('data-tlg-title');
      if (title && document.title !== title) { document.title = title; }
    }
    each('.tlg-status, .tlg-live', function (el) { set(el, 'role', 'status'); set(el, 'aria-live', 'polite'); });
    each('.tlg-activity', function (el) { set(el, 'tabindex', '0'); });
    each('button.tlg-choice', function (el) { set(el, 'aria-pressed', el.classList.contains('tlg-selected') ? 'true' : 'false'); });
    each('button.widget-toggle-button', function (el) { set(el, 'aria-pressed', el.classList.contains('mod-active') ? 'true' : 'false'); });
    each('button.tlg-named[title]', function (el) {
      var title = el.getAttribute('title'), text = el.textContent.trim();
      set(el, 'aria-label', !text || title.indexOf(text) === 0 ? title : text + ' — ' + title);
    });
    each('.tlg-heading, .tlg-heading-1', function (el) {
      set(el, 'role', 'heading'); set(el, 'aria-level', el.classList.contains('tlg-heading-1') ? '1' : '2');
    });
    each('.tlg-label-heading', function (el) {
      var field = el.querySelector('textarea, input, select'), heading = headingBefore(el);
      if (!field || !heading) { return; }
      set(field, 'aria-labelledby', id(heading));
    });
    each('.tlg-status', function (el) {
      var view = el.parentElement, field = view && view.querySelector('textarea, input[type="text"]');
      if (!field) { return; }
      var error = el.classList.contains('tlg-status-error') && el.textContent.trim() !== '';
      if (error) { set(field, 'aria-invalid', 'true'); set(field, 'aria-describedby', id(el)); }
      else if (field.getAttribute('aria-describedby') === el.id) {
        field.removeAttribute('aria-invalid'); field.removeAttribute('aria-describedby');
      }
    });
    var fresh = null;
    each('.tlg-heading, .tlg-reference-title', function (el) {
      if (!seen.has(el)) { seen.add(el); if (el.offsetParent !== null) { fresh = el; } }
    });
    var lost = !document.activeElement || document.activeElement === document.body;
    if (fresh && loaded && lost) {
      fresh.setAttribute('tabindex', '-1');
      fresh.focus({preventScroll: false});
    } else if (lost && focused && !focused.isConnected) {
      // The same screen redrawn (a sticker placed, its row rebuilt): back to the control of the same name.
      var again = Array.prototype.find.call(document.querySelectorAll(focused.tagName), function (el) {
        return !el.disabled && el.offsetParent !== null && nameOf(el) === focusedName;
      });
      if (again) { again.focus({preventScroll: true}); }
    }
    loaded = true;
    each('img.tlg-chart', function (el) {
      var caption = near(el, 'tlg-chart-alt');
      set(el, 'alt', caption ? caption.textContent.trim() : '');
    });
  }
  function near(el, cls) {
    var next = el.nextElementSibling, previous = el.previousElementSibling;
    if (next && next.classList.contains(cls)) { return next; }
    return previous && previous.classList.contains(cls) ? previous : null;
  }
  function nameOf(el) { return (el.getAttribute('aria-label') || el.textContent || '').trim(); }
  function queue() { if (!queued) { queued = true; window.requestAnimationFrame(fix); } }
  function start() {
    document.addEventListener('focusin', function (event) { focused = event.target; focusedName = nameOf(focused); });
    new MutationObserver(queue).observe(document.body, {subtree: true, childList: true, attributes: true,
      attributeFilter: ['class', 'title'], characterData: true});
    queue();
  }
  if (document.body) { start(); } else { document.addEventListener('DOMContentLoaded', start); }
})();</script>"""


def watch_script(lang: str) -> str:
    """Runs in every page: reload when this server no longer has the page's kernel (a restart of serve, a kernel
    that was stopped), say so while the server cannot be reached, and keep a Werkvorm 3 group's token in the
    address (`?group=`) so that a reload brings the group back. Only same-origin requests."""
    texts = json.dumps({"lost": translate(lang, "page.connection_lost"), "reload": translate(lang, "page.reloading")})
    return """<script>(function () {
  var TEXT = %s, SECONDS = %d, misses = 0, banner = null, reloading = false;
  function config() {
    try { return JSON.parse(document.getElementById('jupyter-config-data').textContent); } catch (e) { return {}; }
  }
  function say(text) {
    if (!document.body) { return; }
    if (!banner) {
      banner = document.createElement('div');
      banner.className = 'tlg-connection';
      banner.setAttribute('role', 'status');
      banner.style.cssText = 'position:fixed;left:0;right:0;top:0;z-index:10000;padding:14px 16px;font:700 20px ' +
        'system-ui,sans-serif;background:#b00020;color:#fff;text-align:center';
      document.body.appendChild(banner);
    }
    banner.textContent = text;
    banner.style.display = text ? 'block' : 'none';
  }
  function reload() {
    if (reloading) { return; }
    reloading = true;
    say(TEXT.reload);
    window.location.reload();
  }
  function check() {
    var c = config();
    if (!c.kernelId || reloading) { return; }
    fetch((c.baseUrl || '/') + 'kit/alive/' + encodeURIComponent(c.kernelId), {cache: 'no-store'})
      .then(function (r) { return r.json(); })
      .then(function (state) { misses = 0; if (state.kernel) { say(''); } else { reload(); } })
      .catch(function () { misses += 1; if (misses >= 2) { say(TEXT.lost); } });
  }
  function keepGroup() {
    var shown = document.querySelector('[data-tlg-group]');
    if (!shown) { return; }
    var group = shown.getAttribute('data-tlg-group'), url = new URL(window.location.href);
    if (/^[0-9a-f]{12}$/.test(group) && url.searchParams.get('group') !== group) {
      url.searchParams.set('group', group);
      window.history.replaceState(null, '', url.toString());
    }
  }
  // Voilà's page reads the widget states once while it loads; a widget the kernel made in that moment (the
  // facilitator moved on as a phone arrived, and the page follows at once) can be missing from what it read. The
  // page then reports 'widget model not found' and stays on 'Loading widget...' for good. A new page reads the
  // whole state again; at most once per half minute, so a page can never reload in a loop.
  function renderBroken() {
    var key = 'tlg-render-retry', last = +(window.sessionStorage.getItem(key) || 0);
    if (Date.now() - last < 30000) { return; }
    window.sessionStorage.setItem(key, String(Date.now()));
    setTimeout(reload, 500);
  }
  var consoleError = console.error;
  console.error = function () {
    try {
      if (/widget model not found/.test(Array.prototype.map.call(arguments, String).join(' '))) { renderBroken(); }
    } catch (e) { /* only looking */ }
    return consoleError.apply(console, arguments);
  };
  setInterval(check, SECONDS * 1000);
  document.addEventListener('DOMContentLoaded', function () {
    new MutationObserver(keepGroup).observe(document.body, {childList: true, subtree: true, attributes: true});
  });
})();</script>
""" % (texts, WATCH_SECONDS)


class KernelAliveHandler(tornado.web.RequestHandler):
    """`/kit/alive/<kernel id>`: whether this server still runs the kernel a page was rendered with. Kernel ids are
    random and the answer says nothing else; no login (a page whose server restarted has none any more)."""

    def get(self, kernel_id: str):
        manager = self.settings.get("kernel_manager")
        alive = manager is not None and kernel_id in manager
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"kernel": bool(alive)}))


class Admission:
    """One page request's claim on a kernel: a ready pool kernel, or a place for a new one (held until it starts)."""

    def __init__(self, manager, new_kernel: bool):
        self.manager = manager
        self.holding = new_kernel
        if new_kernel:
            manager.kit_reserved += 1

    def release(self) -> None:
        if self.holding:
            self.holding = False
            self.manager.kit_reserved -= 1


class NoRoom(Exception):
    """A preheated kernel woke up to start, but the cap is reached."""


class PoolClaim:
    """A preheated kernel on its way (notebook read, kernel not yet listed): holds one place under the cap."""

    def __init__(self, manager):
        self.manager = manager
        self.holding = True
        manager.kit_starting += 1

    def release(self) -> None:
        if self.holding:
            self.holding = False
            self.manager.kit_starting -= 1


def _ready(task) -> bool:
    return task.done() and not task.cancelled() and task.exception() is None


def _retrieve(task) -> None:
    if not task.cancelled():
        task.exception()


def kit_kernel_manager(base: type) -> type:
    """Voilà's (pooling or plain) kernel manager class, with the cap, the bounded refill and the abandon rule."""

    class KitKernelManager(base):
        kit_reserved = 0
        kit_starting = 0

        def __init__(self, **kwargs):
            self.kit_unconnected_since: dict[str, float] = {}
            self.kit_refill_started: set[str] = set()
            super().__init__(**kwargs)
            try:
                # Before the first socket exists: 1,023 sockets (the default) run out at about 120 kernels.
                self.context.set(zmq.MAX_SOCKETS, ZMQ_MAX_SOCKETS)
            except zmq.ZMQError:  # pragma: no cover - a context that already has sockets keeps its limit
                self.log.warning("Could not raise the zmq socket limit")

        # -- counting ------------------------------------------------------------------------------------------------
        @property
        def kit_limit(self) -> int:
            return getattr(self.parent, "max_kernels", 0) or 0

        def kit_pool(self, notebook_name: str | None) -> list:
            return getattr(self, "_pools", {}).get(notebook_name, [])

        def kit_pool_kernels(self) -> set[str]:
            return {task.result()["kernel_id"] for pool in getattr(self, "_pools", {}).values()
                    for task in pool if _ready(task)}

        def kit_kernel_count(self) -> int:
            """Kernels running or starting, pool kernels being started, and places promised to pages.

            A refill still sleeping (fill_delay) holds no place: it checks for room when it wakes up.
            """
            running = set(self._kernels) | set(self._pending_kernels)
            return len(running) + self.kit_starting + self.kit_reserved

        def kit_admit(self, notebook_name: str | None) -> Admission | None:
            """Called by the page handler before anything else; None when the page must say the session is full."""
            if any(_ready(task) for task in self.kit_pool(notebook_name)):
                return Admission(self, new_kernel=False)
            if self.kit_limit and self.kit_kernel_count() >= self.kit_limit:
                return None
            return Admission(self, new_kernel=True)

        # -- the pool -------------------------------------------------------------------------------------------------
        def get_pool_size(self, notebook_name: str) -> int:
            """Only kernels that are ready: a request never waits for a refill that is still sleeping."""
            return sum(1 for task in self.kit_pool(notebook_name) if _ready(task))

        def kit_forget_failed(self, notebook_name: str | None) -> None:
            pool = self.kit_pool(notebook_name)
            for task in [t for t in pool if t.done() and not _ready(t)]:
                pool.remove(task)  # no room when it woke up, or the kernel did not start: it holds no place
                error = "cancelled" if task.cancelled() else task.exception()
                if not isinstance(error, NoRoom):
                    self.log.warning("A preheated kernel failed to start: %s", error)

        async def _initialize(self, notebook_path: str, kernel_id: str | None = None, **kwargs):
            """A pool kernel is about to start (at server start, or a refill waking up): only if there is room."""
            if kernel_id is not None:  # a restart of an existing kernel
                return await super()._initialize(notebook_path, kernel_id, **kwargs)
            if self.kit_limit and self.kit_kernel_count() >= self.kit_limit:
                self.log.info("No room for another preheated kernel (cap %d reached)", self.kit_limit)
                raise NoRoom(notebook_path)
            claim = PoolClaim(self)  # counted until the kernel itself is (see pre_start_kernel)
            token = POOL_CLAIM.set(claim)
            try:
                return await super()._initialize(notebook_path, kernel_id, **kwargs)
            finally:
                claim.release()
                POOL_CLAIM.reset(token)

        def pre_start_kernel(self, *args, **kwargs):
            # Called (synchronously) just before jupyter_client lists the new kernel as pending: from here on the
            # kernel counts itself, so the pool's claim on a place ends here, not later (counted twice otherwise).
            claim = POOL_CLAIM.get()
            if claim is not None:
                claim.release()
            return super().pre_start_kernel(*args, **kwargs)

        async def get_rendered_notebook(self, notebook_name: str, extra_kernel_env_variables: dict = {}, **kwargs):
            self.kit_forget_failed(notebook_name)
            pool = self.kit_pool(notebook_name)
            pool.sort(key=lambda task: not _ready(task))  # ready first, in their order (stable sort)
            render_task, cache, kernel_id = await super().get_rendered_notebook(
                notebook_name, extra_kernel_env_variables, **kwargs)
            self.kit_unconnected_since[kernel_id] = time.monotonic()
            return render_task, cache, kernel_id

        def fill_if_needed(self, delay=None, notebook_name=None, extra_kernel_env_variables={}, **kwargs):
            """Voilà's fill, with the target size and the cap applied: full size at start, a few after that."""
            if not hasattr(self, "_pools"):
                return None
            self.kit_forget_failed(notebook_name)
            config = dict(self.kernel_pools_config)
            default_config = dict(config.get("default", {}))
            size = int(config.get(notebook_name, default_config).get("pool_size", default_config.get("pool_size", 0)))
            if delay != 0:  # a refill (Voilà passes delay=0 only for the first fill)
                size = min(size, getattr(self.parent, "refill_size", size))
            before = len(self.kit_pool(notebook_name))
            wanted = max(0, size - before)
            if self.kit_limit:
                wanted = min(wanted, max(0, self.kit_limit - self.kit_kernel_count()))
            target = {"pool_size": before + wanted}
            self.kernel_pools_config = {**config, "default": {**default_config, **target}}
            if notebook_name in config:
                self.kernel_pools_config[notebook_name] = {**config[notebook_name], **target}
            try:
                super().fill_if_needed(delay, notebook_name, extra_kernel_env_variables, **kwargs)
            finally:
                self.kernel_pools_config = config
            for task in self.kit_pool(notebook_name)[before:]:
                task.add_done_callback(_retrieve)  # NoRoom is expected; never "exception was never retrieved"
            return None

        # -- kernels started for a page (not for the pool: the pool calls the base class directly) -------------------
        async def start_kernel(self, *args, **kwargs):
            admission = ADMISSION.get()
            if admission is not None:
                admission.release()  # from here on the kernel itself is counted (as pending, then running)
            kernel_id = await super().start_kernel(*args, **kwargs)
            self.kit_unconnected_since[kernel_id] = time.monotonic()
            return kernel_id

        # -- connections and the abandon rule ------------------------------------------------------------------------
        def notify_connect(self, kernel_id):
            super().notify_connect(kernel_id)
            self.kit_unconnected_since.pop(kernel_id, None)

        def notify_disconnect(self, kernel_id):
            super().notify_disconnect(kernel_id)
            if self._kernel_connections.get(kernel_id, 0) <= 0 and kernel_id in self._kernels:
                self.kit_unconnected_since[kernel_id] = time.monotonic()

        async def shutdown_kernel(self, kernel_id, *args, **kwargs):
            self.kit_unconnected_since.pop(kernel_id, None)
            return await super().shutdown_kernel(kernel_id, *args, **kwargs)

        async def cull_kernel_if_idle(self, kernel_id):
            if kernel_id in self.kit_pool_kernels():
                return None  # waiting in the pool is not abandoned
            since = self.kit_unconnected_since.get(kernel_id)
            timeout = self.cull_idle_timeout
            if (timeout > 0 and since is not None and self._kernel_connections.get(kernel_id, 0) <= 0
                    and time.monotonic() - since > timeout):
                self.log.info("Shutting down kernel %s: no page connected for %d s", kernel_id, time.monotonic() - since)
                await self.shutdown_kernel(kernel_id)
                return None
            return await super().cull_kernel_if_idle(kernel_id)

    return KitKernelManager


class KitVoilaHandler(TornadoVoilaHandler):
    """The page: refuses what the single-page server does not serve, then admits the request or says it is full."""

    _kit_head_done = False
    _kit_head = ""
    _kit_path: str | None = None  # the notebook of a folder serve (begeleider, scherm), from the address

    def write(self, chunk):
        # The page, streamed: without links to other hosts, with its language and title, and with the watch and
        # accessibility scripts in its <head>. Voilà streams the template in small pieces (`<html lang="`, `en`,
        # `">`...), so the head is kept back until it is whole, then written as one.
        if isinstance(chunk, str):
            chunk = offline_html(chunk)
            if not self._kit_head_done:
                self._kit_head += chunk
                if "</head>" not in self._kit_head:
                    return None
                self._kit_head_done = True
                lang = getattr(self.settings.get("voila"), "lang", "nl")
                chunk = page_html(offline_html(self._kit_head), lang, self.notebook_path or self._kit_path)
                chunk = chunk.replace("</head>", watch_script(lang) + a11y_script() + "</head>", 1)
        return super().write(chunk)

    @tornado.web.authenticated
    async def get(self, path=None):
        app = self.settings.get("voila")
        self._kit_path = path
        if self.notebook_path and path:
            raise tornado.web.HTTPError(404)
        self.xsrf_token  # sets the _xsrf cookie that the page's unload beacon sends back (kernel shutdown)
        manager = self.kernel_manager
        admission = manager.kit_admit(self.notebook_path or path) if hasattr(manager, "kit_admit") else None
        if admission is None and hasattr(manager, "kit_admit"):
            self.set_status(503)
            self.set_header("Retry-After", "60")
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(full_page(getattr(app, "lang", "nl")))
            return
        token = ADMISSION.set(admission)
        try:
            await super().get(path)
        finally:
            if admission is not None:
                admission.release()
            ADMISSION.reset(token)


def _legacy_header(frame: bytes) -> dict | None:
    """The header of a legacy-protocol binary frame: 4-byte big-endian count and offsets, then the JSON message."""
    try:
        count = struct.unpack("!I", frame[:4])[0]
        if not 1 <= count <= 1024 or len(frame) < 4 * (count + 1):
            return None
        offsets = struct.unpack("!" + "I" * count, frame[4:4 * (count + 1)])
        end = offsets[1] if count > 1 else len(frame)
        return json.loads(frame[offsets[0]:end].decode("utf-8")).get("header")
    except Exception:  # noqa: BLE001 - an unreadable frame has no header to filter on
        return None


class KitKernelWebsocketHandler(VoilaKernelWebsocketHandler):
    def write_message(self, message, binary=False):
        if isinstance(message, bytes) and self.selected_subprotocol != V1:
            header = _legacy_header(message)
            if header and header.get("msg_type") == "execute_input":
                return None
            # Skip Voilà's v1-only header reader (see the module docstring); the base class sends the frame.
            return super(VoilaKernelWebsocketHandler, self).write_message(message, binary)
        return super().write_message(message, binary)


class KitVoila(Voila):
    max_kernels = Integer(0, config=True, help="At most this many kernels (pool included); 0: no cap.")
    refill_size = Integer(4, config=True, help="After the first fill, keep at most this many kernels preheated.")
    single_page = Bool(False, config=True, help="Serve the one notebook and nothing else (no other paths, no login).")

    @property
    def lang(self) -> str:
        return language()

    def initialize(self, argv=None):
        # Read the facilitator's token and take it out of the environment before any kernel copies the environment.
        token = settings.take_facilitator_token()
        super().initialize(argv)
        if token and not self.token:
            self.token = token
        _raise_open_files()

    def init_settings(self):
        original = voila_app.voila_kernel_manager_factory

        def factory(*args, **kwargs):
            return kit_kernel_manager(original(*args, **kwargs))

        voila_app.voila_kernel_manager_factory = factory
        try:
            return super().init_settings()
        finally:
            voila_app.voila_kernel_manager_factory = original

    def init_handlers(self):
        handlers = []
        for pattern, handler, *rest in super().init_handlers():
            if handler is TornadoVoilaHandler:
                handler = KitVoilaHandler
            elif handler is VoilaKernelWebsocketHandler:
                handler = KitKernelWebsocketHandler
            elif self.single_page and (pattern.rstrip("/").endswith(("/login", "/logout")) or "/voila/files/" in pattern):
                continue  # the participant server has no logins and serves no files
            handlers.append((pattern, handler, *rest))
        base = (self.server_url or self.base_url or "/").rstrip("/")
        return [(base + r"/kit/alive/([\w-]+)", KernelAliveHandler), *handlers]


def _raise_open_files() -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows has no such limit to raise
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = OPEN_FILES if hard == resource.RLIM_INFINITY else min(OPEN_FILES, hard)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        except (ValueError, OSError):  # pragma: no cover
            pass


main = KitVoila.launch_instance

if __name__ == "__main__":
    main()
