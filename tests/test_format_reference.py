"""The scenario-format reference: committed, current, complete, and its examples validate."""

import pathlib
import re
import subprocess

import pytest

from powcase.model.events import EVENT_TYPES, event_from_dict
from powcase.model.fields import field_specs
from powcase.render import pages
from powcase.render.readers import field_readers
from powcase.render.scenario_format import REGENERATE, event_example
from powcase.scenario import load_scenarios
from powcase.scenario.schema import scenario_schema

ROOT = pathlib.Path(__file__).parent.parent
REFERENCE = ROOT / "docs" / "reference"
PAGE = REFERENCE / "scenario-format.md"
EXAMPLE = re.compile(r"```\{code-block\} yaml\n(.*?)```", re.S)


def _page():
    return PAGE.read_text(encoding="utf-8")


def _section(name):
    """The committed page's section of one event, up to the next heading."""
    text = _page()
    start = text.index(f"### `{name}`\n")
    end = text.find("\n#", start + 1)
    return text[start:end]


def test_the_committed_reference_pages_are_what_the_code_generates():
    stale = pages.stale_pages(REFERENCE)
    assert stale == [], f"{stale} out of date: run `{REGENERATE}` and commit the result"


def test_the_check_fails_on_a_stale_folder_and_passes_once_regenerated(tmp_path, capsys):
    (tmp_path / "model.md").write_text("old\n")
    assert pages.main([str(tmp_path), "--check"]) == 1
    assert "model.md is out of date" in capsys.readouterr().err
    assert pages.main([str(tmp_path)]) == 0
    assert pages.main([str(tmp_path), "--check"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(pages.PAGES)


def test_every_event_has_a_section_and_an_example_that_validates(tmp_path):
    examples = EXAMPLE.findall(_page())
    assert len(examples) == len(EVENT_TYPES)
    for number, item in enumerate(examples):
        indented = "".join(f"  {line}\n" for line in item.splitlines())
        path = tmp_path / f"example{number}.powcase.yaml"
        path.write_text(
            "powcase: 1\nsubject: {id: x, nationality: [RU], forces: RU}\n"
            f"detaining_power: UA\nevents:\n{indented}",
            encoding="utf-8",
        )
        (scenario,) = load_scenarios(path)
        (event,) = scenario.record.events
        # The page's text reads back as the example generated, every field kept.
        assert event == event_from_dict(event_example(event.name))
    for name in EVENT_TYPES:
        assert f"### `{name}`" in _page()


@pytest.mark.parametrize(
    ("event", "field"),
    [
        ("die", "cause"),
        ("fall_hors_de_combat", "cause"),
        ("charge", "offence"),
        ("medical_assessment", "category"),
        ("risk_on_return", "kind"),
        ("determine_status", "by"),
        ("agreement_concluded", "kind"),
        ("agreement_concluded", "terms"),
    ],
)
def test_the_choice_fields_users_asked_about_list_their_values(event, field):
    spec = field_specs(EVENT_TYPES[event])[field]
    assert spec.options
    row = next(line for line in _section(event).splitlines() if line.startswith(f"| `{field}`"))
    for option in spec.options:
        assert f"`{option}`" in row


def test_every_choice_field_of_every_event_lists_every_allowed_value():
    for name, cls in EVENT_TYPES.items():
        section = _section(name)
        for key, spec in field_specs(cls).items():
            if key in ("date", "source", "note"):
                continue
            row = next(line for line in section.splitlines() if line.startswith(f"| `{key}`"))
            assert all(f"`{option}`" in row for option in spec.options), (name, key)
            assert ("required" in row) == spec.required or not spec.required


def test_the_read_by_column_names_the_code_that_reads_the_field():
    row = next(
        line for line in _section("capture").splitlines() if line.startswith("| `territory`")
    )
    assert "`powcase.engine.facts`" in row
    readers = field_readers()
    # A property read counts for the fields behind it: the verifier decides `independent`.
    assert "powcase.engine.facts" in readers[("wish_verified", "verifier")]
    # A move's destination is read through `destination`, narrowed by isinstance.
    assert "powcase.law.docket" in readers[("repatriate", "to")]
    # A field no rule reads says so.
    row = next(line for line in _section("capture").splitlines() if line.startswith("| `place`"))
    assert "no rule" in row
    # Every reader named does mention the field in its code.
    for (_, key), modules in readers.items():
        for module in modules:
            source = (ROOT / "src" / (module.replace(".", "/") + ".py")).read_text()
            assert f".{key}" in source or "destination" in source or "independent" in source


def test_the_page_lists_the_top_level_keys_and_several_scenarios_per_file():
    text = _page()
    for key in scenario_schema()["$defs"]["scenario"]["properties"]:
        assert f"| `{key}` |" in text
    assert "## Several scenarios in one file" in text
    assert "\nscenarios:\n" in text
    assert REGENERATE in text
    assert "powcase new" in text


def _tracked():
    try:
        listed = subprocess.run(
            ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return {ROOT / line for line in listed.splitlines()}


LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")


def test_every_link_of_the_readme_and_the_docs_points_to_a_committed_file():
    tracked = _tracked()
    sources = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    broken = []
    for source in sources:
        for target in LINK.findall(source.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            resolved = (source.parent / target).resolve()
            if resolved not in {p.resolve() for p in tracked}:
                broken.append(f"{source.relative_to(ROOT)} -> {target}")
    assert broken == []


def test_the_readme_and_the_scenario_how_to_link_the_format_reference():
    assert "docs/reference/scenario-format.md" in (ROOT / "README.md").read_text()
    how_to = (ROOT / "docs" / "how-to" / "scenarios.md").read_text()
    assert "../reference/scenario-format.md" in how_to
