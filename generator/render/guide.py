"""Render: the guide for HR (``guide.md.j2``), with examples from the catalogue being built.

Every example names this catalogue's own things: its job families, a real group file, real
competencies and roles, its paths, its scale and labels, its ``terms``, its pages. What the
guide adds (a new role, a new competency) gets an id made up for the purpose that nothing in
the catalogue has; where the catalogue lacks what an example needs (no paths, no pages, no
targets) the example uses the ids the guide itself adds, or ids that read as examples.

Code examples are valid YAML for the catalogue format (text quoted where YAML needs it,
``catalogue_yaml.inline``) and reach the page as ``Markup`` of escaped lines, for a raw HTML
``<pre>`` block: catalogue text never becomes markup. The messages the guide quotes (an error
of ``handbook validate`` and of ``handbook import``, a change report) are what the tools print
for that change (tests/test_guide.py runs the tools on the guide's examples).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from markupsafe import Markup

from ..contract import ID_PATTERN, MAX_LEVELS, WARNINGS, as_id
from ..errors import closest, unknown
from ..model.diff import diff_handbooks
from ..model.handbook import (
    NOUNS,
    Competency,
    CompetencyGroup,
    Handbook,
    LevelAnchor,
    Role,
    Target,
)
from ..model.relations import Relations
from ..tables import TARGETS_TITLE_ROW, catalogue_file
from .catalogue_yaml import dump, inline, inline_in_flow
from .changes import render_text
from .text import escape
from .words import Words

ROOT = "catalogues"  # the catalogue folder the guide's commands and messages name
WORKBOOK = {"de": Markup("katalog.xlsx"), "en": Markup("catalogue.xlsx")}  # shown as is
COMMENT_COLUMN = 34  # where the comments of a code example start, where the line allows
_PLAIN_CODE = re.compile(r"[a-z0-9 .:!?'›-]+", re.I)


@dataclass(frozen=True)
class Invented:
    """A competency the guide adds (its id is checked to be new), in the guide's language."""

    id: str
    name: str
    summary: str
    indicators: tuple[str, str]
    lowest: str  # what the lowest level looks like
    highest: str
    middle: tuple[str, str, str]  # a Markdown list: its lead-in and two items
    expects: str  # what a senior role expects


_INVENTED = {
    "en": (
        Invented(
            "negotiation",
            "Negotiation",
            "leads negotiations to results both sides can live with",
            (
                "prepares negotiations with clear goals and limits",
                "looks for solutions that work for both sides",
            ),
            "Negotiates without a goal and gives in quickly.",
            "Brings even difficult negotiations to a close with confidence.",
            (
                "Prepares negotiations:",
                "with clear goals and limits",
                "with options for both sides",
            ),
            "Leads the most important negotiations personally.",
        ),
        Invented(
            "presenting",
            "Presenting",
            "presents ideas so that others understand and act on them",
            (
                "builds a presentation around its audience",
                "answers questions calmly and to the point",
            ),
            "Reads out slides that others prepared.",
            "Convinces any audience, with or without slides.",
            ("Prepares presentations:", "around what the audience needs", "with a clear ask"),
            "Presents the team's results to the management board.",
        ),
        Invented(
            "example-competency",
            "Example competency",
            "what the competency is about, in one line",
            ("an observable behaviour", "another observable behaviour"),
            "What the lowest level looks like.",
            "What the highest level looks like.",
            ("What this level looks like:", "one behaviour", "another behaviour"),
            "What this role is expected to do.",
        ),
    ),
    "de": (
        Invented(
            "verhandlungsfuehrung",
            "Verhandlungsführung",
            "führt Verhandlungen zielsicher zu tragfähigen Ergebnissen",
            (
                "bereitet Verhandlungen mit klaren Zielen und Grenzen vor",
                "sucht Lösungen, die für beide Seiten tragfähig sind",
            ),
            "Geht ohne Ziel in Verhandlungen und gibt schnell nach.",
            "Führt auch schwierige Verhandlungen souverän zum Abschluss.",
            ("Bereitet Verhandlungen vor:", "mit klaren Zielen und Grenzen", "mit Alternativen"),
            "Führt die wichtigsten Verhandlungen selbst.",
        ),
        Invented(
            "praesentation",
            "Präsentation",
            "stellt Ideen so vor, dass andere sie verstehen und danach handeln",
            (
                "baut eine Präsentation um ihr Publikum herum auf",
                "beantwortet Fragen ruhig und auf den Punkt",
            ),
            "Liest Folien vor, die andere vorbereitet haben.",
            "Überzeugt jedes Publikum, mit oder ohne Folien.",
            ("Bereitet Präsentationen vor:", "ausgerichtet auf das Publikum", "mit klarer Bitte"),
            "Stellt die Ergebnisse des Teams der Geschäftsleitung vor.",
        ),
        Invented(
            "beispielkompetenz",
            "Beispielkompetenz",
            "worum es bei der Kompetenz geht, in einer Zeile",
            ("ein beobachtbares Verhalten", "ein weiteres beobachtbares Verhalten"),
            "So sieht das niedrigste Niveau aus.",
            "So sieht das höchste Niveau aus.",
            ("So sieht dieses Niveau aus:", "ein Verhalten", "ein weiteres Verhalten"),
            "Was diese Rolle tun soll.",
        ),
    ),
}


@dataclass(frozen=True)
class MadeUp:
    """Ids, titles and texts that the guide makes up ({…}: the nouns of ``Nouns``)."""

    role: tuple[str, str]  # id, title
    group: tuple[str, str]
    path: tuple[str, str]
    senior: tuple[str, str]
    page: str  # a page's title
    page_body: str
    role_summary: str
    falling_reason: str
    unused_reason: str
    level_description: str
    terms: dict[str, tuple[str, str]]


_MADE_UP = {
    "en": MadeUp(
        role=("example-role", "Example role"),
        group=("example-group", "Example group"),
        path=("example-path", "Example path"),
        senior=("senior-example-role", "Senior example role"),
        page="How to use this handbook",
        page_body="Start with your own {role}.",
        role_summary="A paragraph on what this {role} is for.",
        falling_reason="The lower target is intended at this step.",
        unused_reason="The {roles} will target it from the next edition on.",
        level_description="Applies it in routine work without help.",
        terms={
            "role": ("Job level", "Job levels"),
            "competency": ("Skill", "Skills"),
            "family": ("Profession", "Professions"),
            "path": ("Career track", "Career tracks"),
            "level": ("Proficiency", "Proficiencies"),
        },
    ),
    "de": MadeUp(
        role=("beispielrolle", "Beispielrolle"),
        group=("beispielgruppe", "Beispielgruppe"),
        path=("beispielpfad", "Beispielpfad"),
        senior=("senior-beispielrolle", "Senior-Beispielrolle"),
        page="So nutzen Sie dieses Handbuch",
        page_body="Beginnen Sie bei Ihrer eigenen Aufgabe.",
        role_summary="Ein Absatz dazu, wozu es diese Aufgabe gibt.",
        falling_reason="Das niedrigere Soll ist bei diesem Schritt gewollt.",
        unused_reason="Die {roles} nehmen sie ab der nächsten Ausgabe auf.",
        level_description="Wendet es im Alltag ohne Hilfe an.",
        terms={
            "role": ("Stelle", "Stellen"),
            "competency": ("Skill", "Skills"),
            "family": ("Berufsfeld", "Berufsfelder"),
            "path": ("Laufbahn", "Laufbahnen"),
            "level": ("Stufe", "Stufen"),
        },
    ),
}


# Comments beside the keys of the code examples ({…}: the nouns of ``Nouns``; German ones
# without an article, so that they fit the organisation's words of any gender).
_COMMENTS = {
    "en": {
        "title": "required",
        "family": "required: {a_family} id from handbook.yaml",
        "rank": "optional: order within the {family}",
        "summary": "optional: one paragraph",
        "reports_to": "optional: the id of another {role}",
        "competencies": "required: {competency} id: {target} ({scale})",
        "indicators": "optional: observable behaviours",
        "levels": "optional: what {a_level} looks like (Markdown)",
        "c_summary": "optional: one line",
        "others": "… the {competencies} already there",
        "steps": "required: at least two different {roles}, lowest first",
        "typical_years": "optional: usual years in the step before",
        "reason": "required",
        "narrowing": "optional",
    },
    "de": {
        "title": "Pflicht",
        "family": "Pflicht: {Family} (Kennung) aus handbook.yaml",
        "rank": "optional: Reihenfolge je {Family}",
        "summary": "optional: ein Absatz",
        "reports_to": "optional: an wen berichtet wird ({Role}, Kennung)",
        "competencies": "Pflicht: {Competency}-Kennung: {Target} ({scale})",
        "indicators": "optional: beobachtbares Verhalten",
        "levels": "optional: Beschreibung je {Level} (Markdown)",
        "c_summary": "optional: eine Zeile",
        "others": "… die {competencies}, die schon da sind",
        "steps": "Pflicht: mindestens zwei verschiedene {roles}, von unten nach oben",
        "typical_years": "optional: übliche Jahre im Schritt davor",
        "reason": "Pflicht",
        "narrowing": "optional",
    },
}


class Nouns(dict[str, str]):
    """The site's nouns as the guide says them (the catalogue's ``terms``, or the usual
    words): ``role``/``roles`` in a sentence, ``Role``/``Roles`` at its start, ``a_role``
    with its article in English (``A_role`` at a sentence's start), ``group``/``groups``
    (competency groups), ``target``/``targets`` (target levels). German sentences name the
    nouns without an article, or in the plural (``Paths_dat``: the plural after "von" or
    "auf"), so that the organisation's words of any gender fit."""

    KEYS = (
        *("role", "roles", "competency", "competencies", "family", "families"),
        *("path", "paths", "level", "levels", "group", "groups", "target", "targets"),
    )

    def __init__(self, words: Words, language: str) -> None:
        super().__init__()
        for key in self.KEYS:
            word = words.t[f"guide_noun_{key}"]
            self[key] = word
            self[_capital(key)] = _capital(word)
            article = "an" if word[:1].lower() in "aeiou" else "a"
            self[f"a_{key}"] = f"{article} {word}" if language == "en" else word
            self[f"A_{key}"] = _capital(self[f"a_{key}"])
            # German plurals after "von", "mit", "auf": Pfade -> Pfaden, Rollen, Jobs
            self[f"{_capital(key)}_dat"] = word + ("" if word.endswith(("n", "s")) else "n")


@dataclass(frozen=True)
class Example:
    """A code example: its lines, and the page's raw HTML for them (escaped lines)."""

    lines: tuple[str, ...]

    @property
    def html(self) -> Markup:
        return Markup("\n".join(escape(line) for line in self.lines))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Named:
    """Something of the catalogue (or made up by the guide) that the guide names."""

    id: str
    name: str
    file: str | None = None  # its catalogue file, e.g. roles/account-manager.yaml
    real: bool = True  # False: made up for the example


@dataclass(frozen=True)
class TargetChange:
    """The guide's example of changing one target level, and the change report's lines."""

    role: Named
    competency: Named
    before: int
    after: int
    long_form: bool  # the target is written as ``level:`` with ``expects:``
    before_lines: Example
    after_text: str  # the line (short form) or the ``level:`` line after the change
    report: Example


@dataclass(frozen=True)
class Typo:
    """A mistyped competency id and the messages the tools print for it."""

    file: str  # the role file the guide shows with the typo
    line: int
    column: int
    wrong: str  # the id as mistyped
    right: str
    level: int  # a level outside the scale, written on the same line
    suggests: bool  # the message says which id was meant
    validate: tuple[str, ...]  # what ``handbook validate`` prints for the file (errors)
    workbook: Markup  # what ``handbook import`` prints for the same typo in the Targets
    # sheet, for an indented code block (Markdown shows it as written): ids and fixed words


@dataclass(frozen=True)
class Fork:
    """Two paths of a family that meet at a role (a fork or a join on its career map)."""

    family: Named
    first: Named
    second: Named
    role: Named


@dataclass(frozen=True)
class GuideView:
    """Everything the guide says that depends on the catalogue."""

    title: str  # the handbook's title (catalogue text)
    n: Nouns
    workbook: Markup  # the workbook's file name in the commands
    tree: Example  # the catalogue's folders
    page_role: Named  # a role whose file and page address the guide shows
    base_role: Named | None  # the role the new one is modelled on
    new_role: Named
    new_role_file: Example
    role_targets_invented: bool  # the new role targets the new competency (none exists yet)
    role_path: Named | None  # a real path to add the new role to
    change: TargetChange
    scale_first: int
    scale_last: int
    scale_first_label: str | None
    scale_last_label: str | None
    max_levels: int
    scale_file: Example
    scale_described: bool  # some level of the scale has a description
    level_description_file: Example  # a level with label and description
    group: Named
    new_competency: Named
    new_competency_file: Example
    levels_file: Example  # levels of the new competency and a role's expects
    expects_role: Named
    link: str  # a Markdown link to a role by id
    path: Named
    path_file: Example
    fork: Fork | None
    terms_real: bool
    terms_file: Example
    page: Named
    page_file: Example
    image: str | None  # the name of an image the pages show
    accept: Example
    accept_code: str
    accept_file: str
    warnings: tuple[tuple[str, str], ...]  # (code, the file that carries it)
    typo: Typo
    version: str | None
    version_line: str | None  # as handbook.yaml has it, and for the next edition
    next_version_line: str


def guide_view(handbook: Handbook, relations: Relations) -> GuideView:
    return _Guide(handbook, relations).view()


class _Guide:
    def __init__(self, handbook: Handbook, relations: Relations) -> None:
        self.handbook = handbook
        self.relations = relations
        self.language = handbook.language
        self.words = Words(handbook)
        self.n = Nouns(self.words, self.language)
        self.made_up = _MADE_UP[self.language]
        self.comments = {
            key: text.format(**self.n, scale=self._scale_range())
            for key, text in _COMMENTS[self.language].items()
        }
        self.roles = relations.roles_in_order
        self.competency_ids = {c.id for c in handbook.competencies}
        self.invented = self._invented()
        self.group = self._group()
        self.base = self._base_role()
        self.typo_target = self._typo_target()
        self.new_role = self._new_role()
        self.augmented = self._augmented()

    # ---- what the examples are made of ------------------------------------------------

    def _scale_range(self) -> str:
        word = "bis" if self.language == "de" else "to"
        return f"1 {word} {self.handbook.scale.maximum}"

    def _free(self, wanted: str, taken: set[str]) -> str:
        """``wanted``, or ``wanted-2``, ``wanted-3`` …: an id nothing of its kind has."""
        candidate, number = wanted, 1
        while candidate in taken:
            number += 1
            candidate = f"{wanted}-{number}"
        return candidate

    def _invented(self) -> Invented:
        """The new competency: the first made-up one whose id is free."""
        choices = _INVENTED[self.language]
        for choice in choices:
            if choice.id not in self.competency_ids:
                return choice
        fallback = choices[-1]
        return replace(fallback, id=self._free(fallback.id, self.competency_ids))

    def _group(self) -> CompetencyGroup | None:
        """The group file the new competency goes to: that of the first competency a role
        targets, else the first group."""
        for role in self.roles:
            for target in role.targets:
                return self.handbook.group(self.handbook.competency(target.competency_id).group_id)
        return self.handbook.groups[0] if self.handbook.groups else None

    def _base_role(self) -> Role | None:
        """The role the new one is modelled on, as its peer (same family, rank and manager):
        the first with targets and a manager, else the first with targets, else the first."""
        with_targets = [r for r in self.roles if r.targets]
        managed = [r for r in with_targets if r.reports_to is not None]
        chosen = managed or with_targets or list(self.roles)
        return chosen[0] if chosen else None

    def _typo_target(self) -> str | None:
        """The competency whose id the guide mistypes: the first of the base role's that no
        role writes ``expects`` for and whose typo the tools recognise, else the first."""
        if self.base is None or not self.base.targets:
            return None
        ids = [t.competency_id for t in self.base.targets]
        with_expects = {
            t.competency_id for r in self.handbook.roles for t in r.targets if t.expects
        }
        for wanted in (lambda c: c not in with_expects, lambda c: True):
            for competency_id in filter(wanted, ids):
                wrong = _typo(competency_id, self.competency_ids)
                if closest(wrong, self.competency_ids) == competency_id:
                    return competency_id
        return ids[0]

    def _new_role(self) -> Role:
        role_id, title = self.made_up.role
        role_id = self._free(role_id, {r.id for r in self.handbook.roles})
        base = self.base
        family = base.family_id if base else self.handbook.families[0].id
        if base is not None and base.targets:
            chosen = [t for t in base.targets if t.competency_id == self.typo_target]
            chosen += [t for t in base.targets if t.competency_id != self.typo_target]
            targets = tuple(Target(t.competency_id, t.level) for t in chosen[:3])
        elif self.handbook.competencies:
            middle = _middle(self.handbook.scale.maximum)
            targets = tuple(Target(c.id, middle) for c in self.handbook.competencies[:3])
        else:
            targets = (Target(self.invented.id, _middle(self.handbook.scale.maximum)),)
        reports_to = None
        if base is not None:  # the base role's manager, else the family's most senior role
            reports_to = base.reports_to or self.relations.roles_by_family[base.family_id][-1].id
        summary = self.made_up.role_summary.format(**self.n)
        rank = base.rank if base is not None else None
        return Role(role_id, title, family, summary, targets, rank=rank, reports_to=reports_to)

    def _augmented(self) -> Handbook:
        """The catalogue with what the guide adds: the new competency and the new role."""
        new = self._new_competency()
        if self.group is not None:
            group = replace(self.group, competencies=(*self.group.competencies, new))
            groups = tuple(group if g.id == group.id else g for g in self.handbook.groups)
        else:
            group_id, name = self.made_up.group
            groups = (CompetencyGroup(group_id, name, (new,)),)
        return replace(self.handbook, groups=groups, roles=(*self.handbook.roles, self.new_role))

    def _new_competency(self) -> Competency:
        invented = self.invented
        group_id = self.group.id if self.group else self.made_up.group[0]
        maximum = self.handbook.scale.maximum
        anchors = (LevelAnchor(1, invented.lowest), LevelAnchor(maximum, invented.highest))
        return Competency(
            invented.id, invented.name, invented.summary, invented.indicators, group_id, anchors
        )

    # ---- the view ----------------------------------------------------------------------

    def view(self) -> GuideView:
        handbook = self.handbook
        scale = handbook.scale
        if self.group is not None:
            group = Named(self.group.id, self.group.name, catalogue_file("group", self.group.id))
        else:
            group_id, name = self.made_up.group
            group = Named(group_id, name, catalogue_file("group", group_id), real=False)
        new_role = self._named_role(self.new_role, real=False)
        role_file = self._role_file()
        expects_role = self._expects_role()
        path, path_file = self._path()
        terms_real, terms_file = self._terms()
        page, page_file = self._page()
        accept, accept_code, accept_file = self._accept(group)
        return GuideView(
            title=handbook.title,
            n=self.n,
            workbook=WORKBOOK[self.language],
            tree=self._tree(),
            page_role=self._named_role(self.roles[0]) if self.roles else new_role,
            base_role=self._named_role(self.base) if self.base else None,
            new_role=new_role,
            new_role_file=role_file,
            role_targets_invented=not handbook.competencies,
            role_path=self._role_path(),
            change=self._change(),
            scale_first=1,
            scale_last=scale.maximum,
            scale_first_label=scale.label(1),
            scale_last_label=scale.label(scale.maximum),
            max_levels=MAX_LEVELS,
            scale_file=self._scale_file(),
            scale_described=any(level.description for level in scale.levels),
            level_description_file=self._level_description_file(),
            group=group,
            new_competency=Named(self.invented.id, self.invented.name, group.file, real=False),
            new_competency_file=self._competency_file(group),
            levels_file=self._levels_file(group, expects_role),
            expects_role=expects_role,
            link=f"[{_link_text(expects_role.name)}](role:{expects_role.id})",
            path=path,
            path_file=path_file,
            fork=self._fork(),
            terms_real=terms_real,
            terms_file=terms_file,
            page=page,
            page_file=page_file,
            image=handbook.images[0].name if handbook.images else None,
            accept=accept,
            accept_code=accept_code,
            accept_file=accept_file,
            warnings=tuple((code, self._carrier(kind)) for code, kind in WARNINGS.items()),
            typo=self._typo(),
            version=handbook.version,
            version_line=f"version: {inline(handbook.version)}" if handbook.version else None,
            next_version_line=f"version: {inline(_next_version(handbook.version))}",
        )

    def _tree(self) -> Example:
        n = self.n
        notes = {
            "en": (
                f"title, language, scale, {n['families']} …",
                f"one file per {n['group']}",
                f"one file per {n['role']}",
                f"one file per {n['path']}",
                "pages of your own (optional)",
                "their images: png, jpg or svg",
            ),
            "de": (
                f"Titel, Sprache, Skala, {n['Families']} …",
                f"je {n['Group']} eine Datei",
                f"je {n['Role']} eine Datei",
                f"je {n['Path']} eine Datei",
                "eigene Seiten (optional)",
                "Bilder dazu: png, jpg oder svg",
            ),
        }[self.language]
        files = (
            "handbook.yaml",
            "competencies/*.yaml",
            "roles/*.yaml",
            "paths/*.yaml",
            "pages/*.md",
            "pages/images/",
        )
        lines = [f"  {file.ljust(22)}  {note}" for file, note in zip(files, notes, strict=True)]
        return Example((f"{ROOT}/", *lines))

    def _named_role(self, role: Role, real: bool = True) -> Named:
        return Named(role.id, role.title, catalogue_file("role", role.id), real)

    def _comment(self, line: str, key: str) -> str:
        return _commented(line, self.comments[key])

    def _role_file(self) -> Example:
        role = self.new_role
        lines = [self._comment(f"title: {inline(role.title)}", "title")]
        lines.append(self._comment(f"family: {role.family_id}", "family"))
        if role.rank is not None:
            lines.append(self._comment(f"rank: {role.rank}", "rank"))
        lines.append(self._comment(f"summary: {inline(role.summary or '')}", "summary"))
        if role.reports_to is not None:
            lines.append(self._comment(f"reports_to: {role.reports_to}", "reports_to"))
        lines.append(self._comment("competencies:", "competencies"))
        lines += [f"  {t.competency_id}: {t.level}" for t in role.targets]
        return Example(tuple(lines))

    def _role_path(self) -> Named | None:
        """A path the new role could join: one through the base role, else the first."""
        if not self.handbook.paths:
            return None
        positions = self.relations.positions.get(self.base.id, ()) if self.base else ()
        path = positions[0].path if positions else self.handbook.paths[0]
        return Named(path.id, path.title, catalogue_file("path", path.id))

    def _change(self) -> TargetChange:
        """Raise a real target below the top of the scale (lower one at the top), written in
        the short form if the catalogue has one; else a target of the new role."""
        maximum = self.handbook.scale.maximum
        candidates = [(r, t) for r in self.roles for t in r.targets]
        candidates.sort(key=lambda rt: (rt[1].expects is not None, rt[1].level >= maximum))
        catalogue = self.handbook if candidates else self.augmented
        if not candidates:
            candidates = [(self.new_role, t) for t in self.new_role.targets]
        role, target = candidates[0]
        level = target.level + 1 if target.level < maximum else target.level - 1
        changed = replace(role, targets=tuple(
            replace(t, level=level) if t is target else t for t in role.targets
        ))  # fmt: skip
        # the report on this role alone: the same lines, without comparing every other role
        before = replace(catalogue, roles=(role,), paths=())
        after = replace(catalogue, roles=(changed,), paths=())
        report = render_text(diff_handbooks(before, after), after).splitlines()
        start = next(i for i, line in enumerate(report) if line.endswith(f"({role.id})"))
        lines = [report[start]]
        for line in report[start + 1 :]:
            if not line.startswith("    "):
                break
            lines.append(line)
        competency = before.competency(target.competency_id)
        long_form = target.expects is not None
        key = target.competency_id
        before_lines: tuple[str, ...]
        if long_form:
            before_lines = (f"{key}:", f"  level: {target.level}")
            after_text = f"level: {level}"
        else:
            before_lines = (f"{key}: {target.level}",)
            after_text = f"{key}: {level}"
        return TargetChange(
            role=self._named_role(role, real=role is not self.new_role),
            competency=Named(competency.id, competency.name),
            before=target.level,
            after=level,
            long_form=long_form,
            before_lines=Example(before_lines),
            after_text=after_text,
            report=Example(tuple(line[2:] for line in lines)),
        )

    def _scale_file(self) -> Example:
        scale = {
            level.value: (
                level.label
                if level.description is None
                else {"label": level.label, "description": level.description}
            )
            for level in self.handbook.scale.levels
        }
        return Example(("# catalogues/handbook.yaml", *dump({"scale": scale}).splitlines()))

    def _level_description_file(self) -> Example:
        """A level of the scale (one with a label, near the middle) with a description (made
        up)."""
        levels = self.handbook.scale.levels
        middle = _middle(self.handbook.scale.maximum)
        labelled = [level for level in levels if level.label] or list(levels)
        level = min(labelled, key=lambda level: (abs(level.value - middle), level.value))
        label = "~" if level.label is None else inline(level.label)
        description = inline(self.made_up.level_description)
        return Example(
            (
                f"# {ROOT}/handbook.yaml",
                "scale:",
                f"  {level.value}:",
                f"    label: {label}",
                f"    description: {description}",
            )
        )

    def _competency_file(self, group: Named) -> Example:
        invented = self.invented
        maximum = self.handbook.scale.maximum
        lines = [f"# {ROOT}/{group.file}", f"name: {inline(group.name)}", "competencies:"]
        if self.group is not None:
            lines.append(f"  # {self.comments['others']}")
        lines += [
            f"  - id: {invented.id}",
            f"    name: {inline(invented.name)}",
            self._comment(f"    summary: {inline(invented.summary)}", "c_summary"),
            self._comment("    indicators:", "indicators"),
            *(f"      - {inline(item)}" for item in invented.indicators),
            self._comment("    levels:", "levels"),
            f"      1: {inline(invented.lowest)}",
            f"      {maximum}: {inline(invented.highest)}",
        ]
        return Example(tuple(lines))

    def _expects_role(self) -> Named:
        """A senior role to expect something of: the last with targets of the base role's
        family, else the new role."""
        if self.base is not None and self.base.targets:
            family = self.relations.roles_by_family[self.base.family_id]
            role = [r for r in family if r.targets][-1]
            return self._named_role(role)
        return self._named_role(self.new_role, real=False)

    def _expects_level(self) -> int:
        maximum = self.handbook.scale.maximum
        return max(_middle(maximum), maximum - 1)

    def _levels_file(self, group: Named, role: Named) -> Example:
        invented = self.invented
        lead, first, second = invented.middle
        middle = _middle(self.handbook.scale.maximum)
        return Example(
            (
                f"# {ROOT}/{group.file}",
                f"  - id: {invented.id}",
                f"    name: {inline(invented.name)}",
                "    levels:",
                f"      1: {inline(invented.lowest)}",
                f"      {middle}: |",
                f"        {lead}",
                "",
                f"        - {first}",
                f"        - {second}",
                "",
                f"# {ROOT}/{role.file}",
                "competencies:",
                f"  {invented.id}:",
                f"    level: {self._expects_level()}",
                f"    expects: {inline(invented.expects)}",
            )
        )

    def _path(self) -> tuple[Named, Example]:
        """A real path as its file has it (without the description), else one made up from
        two roles of a family, lowest first."""
        if self.handbook.paths:
            path = self.handbook.paths[0]
            steps = [
                step.role_id
                if step.typical_years is None and step.note is None
                else {
                    k: v
                    for k, v in (
                        ("role", step.role_id),
                        ("typical_years", step.typical_years),
                        ("note", step.note),
                    )
                    if v is not None
                }
                for step in path.steps
            ]
            named = Named(path.id, path.title, catalogue_file("path", path.id))
            text = dump({"title": path.title, "steps": steps}, {"steps": self.comments["steps"]})
            return named, Example((f"# {ROOT}/{named.file}", *text.splitlines()))
        path_id, title = self.made_up.path
        path_id = self._free(path_id, set())
        lower, higher = self._two_roles()
        named = Named(path_id, title, catalogue_file("path", path_id), real=False)
        lines = (
            f"# {ROOT}/{named.file}",
            f"title: {inline(title)}",
            self._comment("steps:", "steps"),
            f"  - {lower}",
            f"  - role: {higher}",
            self._comment("    typical_years: 2", "typical_years"),
        )
        return named, Example(lines)

    def _two_roles(self) -> tuple[str, str]:
        """Two role ids of one family, lowest first: real ones, or the new role below the
        role it reports to, or made-up ones."""
        for roles in self.relations.roles_by_family.values():
            if len(roles) >= 2:
                return roles[0].id, roles[-1].id
        if self.new_role.reports_to is not None:
            return self.new_role.id, self.new_role.reports_to
        return self.new_role.id, self._free(self.made_up.senior[0], {self.new_role.id})

    def _fork(self) -> Fork | None:
        """Two paths of a family that share a role (where the career map shows a fork)."""
        for family in self.handbook.families:
            paths = self.relations.paths_by_family[family.id]
            for index, first in enumerate(paths):
                for second in paths[index + 1 :]:
                    shared = [s.role_id for s in first.steps]
                    common = [r for r in shared if r in {s.role_id for s in second.steps}]
                    if common:
                        role = self.handbook.role(common[-1])
                        return Fork(
                            Named(family.id, family.name),
                            Named(first.id, first.title, catalogue_file("path", first.id)),
                            Named(second.id, second.title, catalogue_file("path", second.id)),
                            self._named_role(role),
                        )
        return None

    def _terms(self) -> tuple[bool, Example]:
        real = {noun: words for noun in NOUNS if (words := getattr(self.handbook.terms, noun))}
        terms = real or self.made_up.terms
        lines = [f"# {ROOT}/handbook.yaml", "terms:"]
        lines += [
            f"  {noun}: [{inline_in_flow(one)}, {inline_in_flow(many)}]"
            for noun, (one, many) in terms.items()
        ]
        return bool(real), Example(tuple(lines))

    def _page(self) -> tuple[Named, Example]:
        if self.handbook.pages:
            page = min(
                self.handbook.pages, key=lambda p: (p.rank is None, p.rank or 0, p.title, p.id)
            )
            named = Named(page.id, page.title, f"pages/{page.id}.md")
            rank = page.rank
            body = None
        else:
            title = self.made_up.page
            page_id = as_id(title) or "page"
            named = Named(page_id, title, f"pages/{page_id}.md", real=False)
            rank = 1
            body = self.made_up.page_body.format(**self.n)
        lines = ["---", f"title: {inline(named.name)}"]
        if rank is not None:
            lines.append(f"rank: {rank}")
        lines.append("---")
        lines.append(body if body is not None else "…")
        return named, Example(tuple(lines))

    def _accept(self, group: Named) -> tuple[Example, str, str]:
        """A warning the catalogue really has: a target that falls along a path, else the
        new competency that no role targets yet (``unused-competency``)."""
        for path in self.handbook.paths:
            for change in self.relations.step_changes[path.id]:
                for item in change.lowered:
                    file = catalogue_file("path", path.id)
                    lines = (
                        f"# {ROOT}/{file}",
                        "accept:",
                        "  - warning: falling-target",
                        self._comment(f"    competency: {item.competency.id}", "narrowing"),
                        self._comment(f"    role: {change.after.id}", "narrowing"),
                        self._comment(
                            f"    reason: {inline(self.made_up.falling_reason)}", "reason"
                        ),
                    )
                    return Example(lines), "falling-target", file
        reason = self.made_up.unused_reason.format(**self.n)
        unused = (
            f"# {ROOT}/{group.file}",
            "accept:",
            "  - warning: unused-competency",
            self._comment(f"    competency: {self.invented.id}", "narrowing"),
            self._comment(f"    reason: {inline(reason)}", "reason"),
        )
        return Example(unused), "unused-competency", group.file or ""

    def _carrier(self, kind: str) -> str:
        files = {
            "en": {
                "path": "paths/…",
                "role": "roles/…",
                "group": "competencies/…",
                "markdown": "the file with the Markdown text",
            },
            "de": {
                "path": "paths/…",
                "role": "roles/…",
                "group": "competencies/…",
                "markdown": "die Datei mit dem Markdown-Text",
            },
        }
        return files[self.language][kind]

    def _typo(self) -> Typo:
        """The new role's first target mistyped, at a level above the scale."""
        role_file = self._role_file().lines
        index = next(i for i, line in enumerate(role_file) if line.startswith("  "))
        right = self.new_role.targets[0].competency_id
        known = self.competency_ids or {self.invented.id}
        wrong = _typo(right, known)
        level = self.handbook.scale.maximum + 1
        file = f"{ROOT}/{catalogue_file('role', self.new_role.id)}"
        line, column = index + 1, 3
        value_column = column + len(wrong) + 2
        maximum = self.handbook.scale.maximum
        validate = (
            f"{file}:{line}:{column}: {unknown('competency', wrong, known)}",
            f"{file}:{line}:{value_column}: target level {level} is outside the scale: "
            f"expected a level from 1 to {maximum}",
        )
        ids = [c.id for c in self.handbook.competencies] or [self.invented.id]
        row = TARGETS_TITLE_ROW + 1 + ids.index(right) if right in ids else TARGETS_TITLE_ROW + 1
        workbook = f"{WORKBOOK[self.language]} › Targets!A{row}: " + unknown(
            "competency", wrong, known, listing=False
        )
        assert _PLAIN_CODE.fullmatch(workbook), workbook  # nothing a code block would change
        return Typo(
            file=catalogue_file("role", self.new_role.id),
            line=line,
            column=column,
            wrong=wrong,
            right=right,
            level=level,
            suggests=closest(wrong, known) == right,
            validate=validate,
            workbook=Markup(workbook),
        )


# ---- helpers ---------------------------------------------------------------------------


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def _middle(maximum: int) -> int:
    """A level in the middle of the scale, above its lowest: 3 of 5, 4 of 7, 2 of 2."""
    return max((maximum + 1) // 2, 2)


def _commented(line: str, comment: str) -> str:
    return f"{line.ljust(COMMENT_COLUMN - 1)} # {comment}"


def _typo(word: str, known: set[str]) -> str:
    """A slip of the keyboard in ``word`` that is still an id: a doubled letter typed once,
    a letter left out or two letters swapped; the first that points back to ``word``."""
    candidates = [word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]]
    middle = len(word) // 2
    for offset in range(len(word)):
        for i in (middle + offset, middle - offset - 1):
            if 0 <= i < len(word) and word[i].isalnum():
                candidates.append(word[:i] + word[i + 1 :])
    candidates += [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]
    valid = [c for c in candidates if c and ID_PATTERN.match(c) and c not in known]
    for candidate in valid:
        if closest(candidate, known) == word:
            return candidate
    return valid[0] if valid else f"{word}x"


def _link_text(title: str) -> str:
    """A title as the text of a Markdown link: brackets and backslashes escaped."""
    return re.sub(r"([\\\[\]])", r"\\\1", " ".join(title.split()))


def _next_version(version: str | None) -> str:
    """The edition after ``version``: its last number raised ("2026.1" -> "2026.2")."""
    if version is None:
        return "1"
    match = re.search(r"(\d+)(\D*)$", version)
    if match is None:
        return f"{version}.1"
    number = str(int(match.group(1)) + 1)
    return version[: match.start(1)] + number + match.group(2)
