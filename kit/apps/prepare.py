"""The facilitator's preparation the week before (`notebooks/voorbereiden.ipynb`): choose a template, add the
school's own case, set the stickers, see every phone screen, create the session and make the invitation.

Edits go into an own template only (`kit.authoring.editing`), never into the one that ships with the kit, and
are checked by the same checker as `teamleergesprek check`: its Dutch message is shown here when something is
wrong. The phone preview runs the real participant page (`ParticipantApp`) against a throwaway in-memory
database, so every tap behaves as on a phone and nothing reaches the session database.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import ipywidgets as widgets

from kit.apps.participant import ParticipantApp
from kit.i18n import language, t, weekday_date
from kit.documents.invitation import invitation_for, invitation_pdf
from kit.model.live import LiveSession
from kit.model.board import PointsBoard
from kit.model.template import Step, Template
from kit import settings
from kit.settings import NOTEBOOKS, join_base, join_url, lan_address
from kit.documents.qr import qr_svg
from kit.model.remote import remote_url
from kit.store import SessionRecord, Store, resolve_db_url
from kit.authoring import (
    TemplateError,
    available_templates,
    copy_template,
    in_language,
    load_template,
    user_templates_dir,
)
from kit.authoring.editing import TemplateFile
from kit.authoring.loader import NAME_PATTERN, TEMPLATE_DIR, template_path
from kit.authoring.yamlfile import slug
from kit.widgets.html import label_field
from kit.widgets.children import replace_children
from kit.widgets.downloads import download_link
from kit.widgets.style import prepare_style
from kit.widgets.late_changes import resend_changes_to_loading_pages
from kit.model.sessions import new_session

ROOT = NOTEBOOKS.parent  # relative paths mean the kit's folder, also when JupyterLab runs this in notebooks/
EXAMPLE_AUTHOR = "voorbeeld"
OUT_ENV = settings.OUT_ENV


def _in_root(path) -> Path:
    path = Path(path)
    return path if path.is_absolute() else ROOT / path


def _db_url(url: str | None) -> str:
    url = resolve_db_url(url)
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and url != prefix + ":memory:":
        return prefix + str(_in_root(url[len(prefix):]))
    return url


def _status(widget: widgets.HTML, ok: bool, message: str, details: list[str] = ()) -> None:
    widget.remove_class("tlg-status-error" if ok else "tlg-status-ok")
    widget.add_class("tlg-status-ok" if ok else "tlg-status-error")
    items = "".join(f"<li>{html.escape(d)}</li>" for d in details)
    widget.value = html.escape(message) + (f"<ul>{items}</ul>" if items else "")


def _problems(error: TemplateError) -> list[str]:
    return [str(problem) for problem in error.problems]


def _section(title: str, *children: widgets.Widget) -> widgets.VBox:
    heading = widgets.HTML(f"<h3>{html.escape(title)}</h3>")
    box = widgets.VBox([heading, *children], layout=widgets.Layout(align_items="flex-start"))
    box.add_class("tlg-prepare-section")
    return box


def _button(label: str, action, style: str = "") -> widgets.Button:
    button = widgets.Button(description=label, button_style=style, layout=widgets.Layout(width="auto"))
    button.on_click(lambda _: action())
    return button


def screen_label(step: Step) -> str:
    """How the preview names a phone screen: block, then the question, prompt or werkvorm part."""
    block = step.block.title
    if step.question is not None:
        return t("prepare.screen_question", block=block, question=step.question.text)
    if step.prompt is not None:
        return t("prepare.screen_prompt", block=block, n=step.prompt + 1)
    if step.activity is not None:
        return t(f"prepare.screen_{step.activity}", block=block)
    return t("prepare.screen_intro", block=block)


class PhonePreview:
    """Every phone screen of a template, one at a time, in a phone-sized frame (390 px, an ordinary phone)."""

    def __init__(self, template: Template):
        self.template = template
        self.store = Store("sqlite://")  # throwaway: the preview never touches the session database
        record = new_session(self.store, template, t("prepare.preview_team"), date.today().isoformat())
        self.session = LiveSession(self.store, record)
        self._example_points()
        self.session.go_to(0)
        # The language is the kernel's, and this kernel is the whole preparation page's, not one phone's.
        self.phone = ParticipantApp(self.store, record.code, poll_seconds=None, follow_session_language=False)
        # Not the throwaway session's code, which a facilitator could mistake for the real one.
        self.phone.title.value = f"{t('participant.title')} · {t('prepare.preview_team')}"
        self.picker = widgets.Dropdown(options=[(f"{s.index + 1}. {screen_label(s)}", s.index) for s in template.steps],
                                       value=0, layout=widgets.Layout(width="418px"))
        label_field(self.picker, t("a11y.preview_screen"))
        self.picker.observe(lambda change: self.show(change["new"]), "value")
        self.previous = _button(t("prepare.preview_previous"), lambda: self.show(self.index - 1))
        self.next = _button(t("prepare.preview_next"), lambda: self.show(self.index + 1))
        self.position = widgets.HTML()
        frame = widgets.Box([self.phone.widget])
        frame.add_class("tlg-phone-frame")
        self.widget = widgets.VBox([self.picker, widgets.HBox([self.previous, self.next, self.position]), frame])
        self.index = -1
        self.show(0)

    def _example_points(self) -> None:
        """Two post-its, so the sticker screen shows what voting looks like instead of an empty list."""
        board = PointsBoard.for_session(self.session)
        step = next((s for s in self.template.steps if s.activity == "punten"), None)
        if board is None or step is None:
            return
        self.session.go_to(step.index)
        for key in ("prepare.example_point_1", "prepare.example_point_2"):
            board.post(EXAMPLE_AUTHOR, t(key))

    def show(self, index: int) -> widgets.Widget:
        index = max(0, min(index, len(self.template.steps) - 1))
        if index != self.index:
            self.index = index
            self.session.go_to(index)
            self.phone.refresh()
            self.picker.value = index
        self.previous.disabled = index == 0
        self.next.disabled = index == len(self.template.steps) - 1
        self.position.value = html.escape(t("prepare.preview_of", n=index + 1, total=len(self.template.steps)))
        return self.phone.view

    def close(self) -> None:
        self.store.close()


class PrepareApp:
    def __init__(self, store: Store, templates_dir=None, out_dir=None, host: str | None = None):
        self.store = store
        self.templates_dir = _in_root(user_templates_dir(templates_dir))
        self.out_dir = _in_root(out_dir or settings.out_dir() or "data")
        self.template: Template | None = None
        self.record: SessionRecord | None = None
        self.session_template: Template | None = None
        self.invitation_path: Path | None = None
        self.preview: PhonePreview | None = None

        # 1. template
        self.choice = widgets.Dropdown(description=t("prepare.template_label"), layout=widgets.Layout(width="520px"))
        self.info = widgets.HTML()
        self.copy_name = widgets.Text(description=t("prepare.copy_name"), placeholder=t("prepare.copy_placeholder"),
                                      style={"description_width": "initial"})
        self.template_message = widgets.HTML()
        template_box = _section(t("prepare.step_template"), self.choice, self.info,
                                widgets.HBox([self.copy_name, _button(t("prepare.copy"), self.copy)]),
                                self.template_message)
        # 2. own case
        self.case_title = widgets.Text(placeholder=t("prepare.case_title_placeholder"),
                                       description=t("prepare.case_title"), layout=widgets.Layout(width="640px"))
        self.case_text = widgets.Textarea(placeholder=t("prepare.case_text_placeholder"),
                                          description=t("prepare.case_text"), rows=7,
                                          layout=widgets.Layout(width="640px"))
        self.case_message = widgets.HTML()
        self.paper = widgets.HTML()  # the download link of Werkvorm 3 on paper
        case_box = _section(t("prepare.step_case"), widgets.HTML(f"<p>{html.escape(t('prepare.case_hint'))}</p>"),
                            self.case_title, self.case_text,
                            _button(t("prepare.save_case"), self.save_case, "primary"), self.case_message,
                            _button(t("prepare.paper"), self.make_paper), self.paper)
        # 3. stickers
        wide = {"description_width": "initial"}
        self.stickers = widgets.BoundedIntText(min=1, max=20, value=3, description=t("prepare.stickers"), style=wide)
        self.max_per_point = widgets.BoundedIntText(min=1, max=20, value=2, description=t("prepare.max_per_point"),
                                                    style=wide)
        self.stickers_message = widgets.HTML()
        stickers_box = _section(t("prepare.step_stickers"), widgets.HBox([self.stickers, self.max_per_point]),
                                _button(t("prepare.save_stickers"), self.save_stickers), self.stickers_message)
        # 4. phone preview
        self.preview_box = widgets.VBox()
        preview_section = _section(t("prepare.step_preview"),
                                   widgets.HTML(f"<p>{html.escape(t('prepare.preview_hint'))}</p>"), self.preview_box)
        preview_section.layout.width = "450px"
        preview_section.layout.flex = "0 0 auto"
        # 5. session
        self.team = widgets.Text(description=t("prepare.team"), placeholder=t("prepare.team_placeholder"),
                                 layout=widgets.Layout(width="520px"))
        self.date = widgets.DatePicker(description=t("prepare.date"))
        self.session_message = widgets.HTML()
        # One box per optional block (the handbook's Werkvorm 4): ticked, the session is made without it.
        self.leave_out: dict[str, widgets.Checkbox] = {}
        self.leave_out_box = widgets.VBox()
        self.remote = widgets.HTML()  # the facilitator's phone remote, once there is a session
        self.remote.add_class("tlg-remote-link")
        session_box = _section(t("prepare.step_session"), self.team, self.date, self.leave_out_box,
                               _button(t("prepare.create"), self.create_session, "primary"), self.session_message,
                               self.remote)
        # 6. invitation
        self.host = widgets.Text(value=host or lan_address(), description=t("prepare.host"), style=wide,
                                 layout=widgets.Layout(width="520px"))
        self.when_where = widgets.Text(description=t("prepare.when_where"), style=wide,
                                       placeholder=t("prepare.when_where_placeholder"),
                                       layout=widgets.Layout(width="520px"))
        self.contact = widgets.Text(description=t("prepare.contact"), style=wide,
                                    placeholder=t("prepare.contact_placeholder"), layout=widgets.Layout(width="520px"))
        self.invitation_message = widgets.HTML()
        self.download = widgets.HTML()
        invitation_box = _section(
            t("prepare.step_invitation"), self.host,
            widgets.HTML(f"<p class='tlg-prepare-hint'>{html.escape(t('prepare.host_hint'))}</p>"),
            self.when_where, self.contact, _button(t("prepare.make_invitation"), self.make_invitation, "primary"),
            self.invitation_message, self.download)

        self.widget = widgets.VBox([
            prepare_style(),
            widgets.HTML(f"<h2>{html.escape(t('prepare.title'))}</h2><p>{html.escape(t('prepare.intro'))}</p>"),
            # The phone beside the steps that change what it shows; the session and the invitation below.
            widgets.HBox([widgets.VBox([template_box, case_box, stickers_box],
                                       layout=widgets.Layout(width="700px", flex="0 0 auto", margin="0 32px 0 0")),
                          preview_section]),
            session_box, invitation_box,
        ])
        self.widget.add_class("tlg-prepare")
        self.host.observe(lambda _change: self._show_remote(), "value")
        self._filling = False  # while the app itself sets the choice, the observer must not load it again
        self.choice.observe(lambda change: None if self._filling else self.select(change["new"]), "value")
        self._fill_choices(in_language("teamleergesprek", language(), self.templates_dir))
        self.select(self.choice.value)

    # -- 1. template ---------------------------------------------------------------------------------------------
    def shown(self, path) -> str:
        """A path as the facilitator would type it where they started the page (the folder that holds data/)."""
        path = Path(path)
        try:
            return str(path.resolve().relative_to(self.out_dir.resolve().parent))
        except ValueError:
            return str(path)

    def is_own(self, name: str) -> bool:
        path = template_path(name, self.templates_dir)
        return path is not None and path.resolve().parent != TEMPLATE_DIR.resolve()

    def _fill_choices(self, selected: str) -> None:
        names = available_templates(self.templates_dir)
        self._filling = True
        try:
            self.choice.options = [(t("prepare.own" if self.is_own(n) else "prepare.standard", name=n), n)
                                   for n in names]
            self.choice.value = selected if selected in names else names[0]
        finally:
            self._filling = False

    def select(self, name: str) -> Template | None:
        """Load a template by name (as if chosen in the list) and show it everywhere below."""
        if self.choice.value != name:
            self._fill_choices(name)
        self.template_message.value = ""
        try:
            self.template = load_template(name, self.templates_dir)
        except TemplateError as error:
            self.template = None
            self.info.value = ""
            _status(self.template_message, False, t("prepare.template_problems"), _problems(error))
            self._show_preview()
            return None
        template = self.template
        path = template_path(name, self.templates_dir)
        info = t("prepare.template_info", title=template.title, blocks=len(template.blocks),
                 minutes=template.total_minutes)
        if template.has_optional_blocks:
            optional = ", ".join(b.title for b in template.blocks if b.optional)
            info += " " + t("prepare.template_optional", length=template.about_length(), blocks=optional)
        self._show_leave_out(template)
        where = t("prepare.template_file", path=self.shown(path))
        self.info.value = f"<p>{html.escape(info)}<br><small>{html.escape(where)}</small></p>"
        case = TemplateFile(path).own_case() if self.is_own(name) else None
        self.case_title.value, self.case_text.value = (case.title, case.text) if case else ("", "")
        points = next((b.points for b in template.blocks if b.points is not None), None)
        if points is not None:
            self.max_per_point.value = points.max_per_point
            self.stickers.value = points.stickers
        self._show_preview()
        return template

    def copy(self, name: str | None = None) -> bool:
        name = (name if name is not None else self.copy_name.value).strip()
        problem = self._copy_name_problem(name)
        if problem:
            _status(self.template_message, False, t("prepare.not_saved"), [problem])
            return False
        try:
            path = copy_template(self.choice.value, name, self.templates_dir)
        except TemplateError as error:
            _status(self.template_message, False, t("prepare.not_saved"), _problems(error))
            return False
        # What the facilitator typed in steps 2 and 3 before making the copy (which those steps ask for) stays.
        typed_case = (self.case_title.value, self.case_text.value)
        typed_stickers = (self.stickers.value, self.max_per_point.value)
        self._fill_choices(name)
        self.select(name)
        self.stickers.value, self.max_per_point.value = typed_stickers
        copied = t("prepare.copied", path=self.shown(path))
        if any(part.strip() for part in typed_case):
            self.case_title.value, self.case_text.value = typed_case
            copied += " " + t("prepare.case_kept")
            self.case_message.value = ""
        _status(self.template_message, True, copied)
        return True

    def _copy_name_problem(self, name: str) -> str | None:
        """The copy's name in the facilitator's words: missing, not usable as a file name, or taken."""
        if not name:
            return t("prepare.copy_name_missing")
        if not NAME_PATTERN.match(name):
            return t("prepare.copy_name_invalid", name=name, suggestion=slug(name))
        if name in available_templates(self.templates_dir):
            return t("prepare.copy_name_taken", name=name)
        return None

    def _own_file(self, message: widgets.HTML) -> TemplateFile | None:
        if self.template is None:
            return None
        if not self.is_own(self.choice.value):
            _status(message, False, t("prepare.standard_readonly"))
            return None
        return TemplateFile(template_path(self.choice.value, self.templates_dir))

    def _edit(self, message: widgets.HTML, edit) -> bool:
        own = self._own_file(message)
        if own is None:
            return False
        try:
            edit(own)
        except TemplateError as error:
            _status(message, False, t("prepare.not_saved"), _problems(error))
            return False
        self.select(self.choice.value)
        return True

    # -- 2. own case, 3. stickers --------------------------------------------------------------------------------
    def save_case(self) -> bool:
        if self._own_file(self.case_message) is None:
            return False
        # Said in the page's own words (the fields' names), before the template's checker would say it in YAML's.
        missing = "prepare.case_title_missing" if not self.case_title.value.strip() else (
            "prepare.case_text_missing" if not self.case_text.value.strip() else None)
        if missing:
            _status(self.case_message, False, t("prepare.not_saved"), [t(missing)])
            return False
        saved = self._edit(self.case_message, lambda own: own.save_case(self.case_title.value, self.case_text.value))
        if saved:
            path = template_path(self.choice.value, self.templates_dir)
            _status(self.case_message, True, t("prepare.case_saved", path=self.shown(path)))
        return saved

    def save_stickers(self) -> bool:
        stickers, per_point = self.stickers.value, self.max_per_point.value
        if per_point > stickers and self._own_file(self.stickers_message) is not None:
            _status(self.stickers_message, False, t("prepare.not_saved"),
                    [t("prepare.max_above_stickers", max=per_point, stickers=stickers)])
            return False
        saved = self._edit(self.stickers_message, lambda own: own.set_stickers(stickers, per_point))
        if saved:
            _status(self.stickers_message, True, t("prepare.stickers_saved", stickers=stickers, max=per_point))
        return saved

    # -- 4. preview ----------------------------------------------------------------------------------------------
    def _show_preview(self) -> None:
        if self.preview is not None:
            self.preview.close()
        self.preview = PhonePreview(self.template) if self.template is not None else None
        replace_children(self.preview_box, [self.preview.widget] if self.preview else [])

    def make_paper(self) -> bytes | None:
        """Werkvorm 3 on paper (as `teamleergesprek werkblad`): the worksheet per case and the empty route map."""
        from kit.documents.worksheet_paper import worksheet_block, worksheet_pdf

        if self.template is None or worksheet_block(self.template) is None:
            self.paper.value = ""
            return None
        pdf = worksheet_pdf(self.template)
        self.paper.value = download_link(f"werkblad-{self.template.name}.pdf", "application/pdf", pdf,
                                         t("prepare.download"))
        return pdf

    # -- 5. session, 6. invitation -------------------------------------------------------------------------------
    def _show_leave_out(self, template: Template) -> None:
        self.leave_out = {b.key: widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="auto"),
                                                  description=t("prepare.leave_out", title=b.title, n=b.minutes))
                          for b in template.blocks if b.optional}
        hint = [widgets.HTML(f"<p class='tlg-prepare-hint'>{html.escape(t('prepare.leave_out_hint'))}</p>")]
        replace_children(self.leave_out_box, [*hint, *self.leave_out.values()] if self.leave_out else [])

    def create_session(self) -> SessionRecord | None:
        team = self.team.value.strip()
        if self.template is None:
            return None
        if not team:
            _status(self.session_message, False, t("prepare.team_missing"))
            return None
        if self.date.value is None:
            _status(self.session_message, False, t("prepare.date_missing"))
            return None
        template = self.template.without(key for key, box in self.leave_out.items() if box.value)
        self.record = new_session(self.store, template, team, self.date.value.isoformat())
        self.session_template = template
        created = t("prepare.created", team=team, date=weekday_date(self.record.session_date))
        self.session_message.remove_class("tlg-status-error")
        self.session_message.value = (f"<p>{html.escape(created)}</p><p class='tlg-join-code'>{self.record.code}</p>"
                                      f"<p>{html.escape(t('prepare.serve_hint', code=self.record.code))}</p>")
        self._show_remote()
        return self.record

    def remote_url(self) -> str | None:
        """The session's remote on the phones' server at the address the invitation uses (step 6)."""
        if self.record is None:
            return None
        token = self.store.sessions.remote_token(self.record.code)
        return remote_url(join_base(self.host.value.strip() or None), self.record.code, token)

    def _show_remote(self) -> None:
        url = self.remote_url()
        if url is None:
            self.remote.value = ""
            return
        link = html.escape(url)
        self.remote.value = (f"<h3>{html.escape(t('remote.link_title'))}</h3>"
                             f"<p class='tlg-prepare-hint'>{html.escape(t('remote.link_hint'))}</p>"
                             f"<div>{qr_svg(url, 180)}</div><p><a href='{link}' target='_blank'>{link}</a></p>")

    def join_url(self) -> str | None:
        return join_url(self.record.code, self.host.value.strip() or None) if self.record else None

    def make_invitation(self) -> Path | None:
        if self.record is None:
            _status(self.invitation_message, False, t("prepare.no_session"))
            return None
        invitation = invitation_for(self.session_template, self.record.team, self.record.session_date,
                                    self.record.code, self.join_url(), self.when_where.value, self.contact.value)
        pdf = invitation_pdf(invitation)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        path = self.out_dir / f"uitnodiging-{self.record.code}.pdf"
        path.write_bytes(pdf)
        self.invitation_path = path
        _status(self.invitation_message, True, t("prepare.invitation_saved", path=self.shown(path)))
        self.download.value = download_link(path.name, "application/pdf", pdf, t("prepare.download"))
        return path


def prepare_app(db_url: str | None = None, templates_dir=None) -> widgets.Widget:
    resend_changes_to_loading_pages()
    app = PrepareApp(Store(_db_url(db_url)), templates_dir)
    app.widget._tlg_app = app
    return app.widget
