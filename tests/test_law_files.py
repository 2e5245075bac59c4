"""The law as data files: the packaged files load into what the Python tables held, the Law
value pickles, overlays add and replace and are recorded, and every mistake in an overlay is
reported at its file, line and column."""

import datetime
import enum
import json
import pathlib
import pickle
import subprocess
import sys
import textwrap

import attrs
import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from powcase.errors import InvalidInput, LawDataError, UnknownProvision, UnknownState
from powcase.law import book, loading
from powcase.law.book import Law
from powcase.law.rules import FlagRule, ObligationRule, Severity
from powcase.law.shape import law_schema

ROOT = pathlib.Path(__file__).parent.parent
SNAPSHOT = json.loads((ROOT / "tests" / "data" / "law_snapshot.json").read_text("utf-8"))
OVERLAY = ROOT / "examples" / "law-overlay" / "overlay.yaml"
D = datetime.date


def _plain(value, drop=()):
    def serialise(_instance, _field, v):
        if isinstance(v, datetime.date):
            return v.isoformat()
        if isinstance(v, enum.Enum):
            return v.value
        return v

    out = json.loads(json.dumps(attrs.asdict(value, value_serializer=serialise)))
    for key in drop:
        out.pop(key, None)
    # Keys only some entries have (an agreement's parties, an interpretive source's readings)
    # are left out where empty.
    for key in ("between", "readings", "customary", "with_deposit"):
        if key in out and out[key] in ([], None):
            del out[key]
    return out


@pytest.fixture(scope="module")
def law():
    return Law.packaged()


class TestPackaged:
    """What the loader builds equals the tables the Python literals held (tests/data)."""

    def test_instruments(self, law):
        got = {
            k: _plain(v, ("takes_effect", "depositary"))
            for k, v in law.instruments.items()
            if k != "RC-1967"
        }
        assert got == SNAPSHOT["instruments"]
        assert list(got) == list(SNAPSHOT["instruments"])
        depositaries = {k: i.depositary for k, i in law.instruments.items() if i.depositary}
        assert depositaries == SNAPSHOT["depositary"]

    def test_provisions_in_catalogue_order_with_identical_paraphrases(self, law):
        assert {k: _plain(v) for k, v in law.provisions.items()} == SNAPSHOT["provisions"]
        assert list(law.provisions) == list(SNAPSHOT["provisions"])

    def test_parties_with_dates_derived_from_the_clauses(self, law):
        got = {}
        for code, party in law.parties.items():
            entry = _plain(party)
            for participation in entry["participations"]:
                # Belarus, Nepal and Switzerland, and the Enforced Disappearance Convention's
                # and the Rome Statute's entries, were added without a check at the
                # depositary: no `checked` day.
                checked = participation.pop("checked")
                unchecked = code in ("BY", "NP", "CH") or participation["instrument"] in (
                    "CED",
                    "ICC-RS",
                )
                assert checked == (None if unchecked else "2026-11-26")
            got[code] = entry
        assert got == SNAPSHOT["parties"]
        assert list(got) == list(SNAPSHOT["parties"])

    def test_concerns_flags_obligations_messages(self, law):
        assert {k: _plain(v) for k, v in law.concerns.items()} == SNAPSHOT["concerns"]
        assert {
            k: {"severity": r.severity.value, "cites": list(r.cites), "text": r.text}
            for k, r in law.flags.items()
        } == SNAPSHOT["flags"]
        assert {
            k: {
                "provision": r.provision,
                "period": r.period,
                "met_by": r.met_by,
                "met_if": r.met_if,
                "without_delay": r.without_delay,
                "prisoner_of_war": r.prisoner_of_war,
                "protected_person": r.protected_person,
                "detainee": r.detainee,
                "occupied_territory": r.occupied_territory,
                "text": r.text,
                "texts": dict(r.texts),
            }
            for k, r in law.obligations.items()
        } == SNAPSHOT["obligations"]
        assert law.messages == SNAPSHOT["messages"]
        assert law.checked == D(2026, 11, 26)

    def test_the_rules_match_the_ones_flags_and_docket_still_define(self, law):
        from powcase.law.docket import OBLIGATION_RULES
        from powcase.law.flags import FLAG_RULES

        assert list(law.flags) == list(FLAG_RULES)
        for code, rule in FLAG_RULES.items():
            assert law.flags[code].to_dict() == rule.to_dict()
        for code, rule in OBLIGATION_RULES.items():
            assert law.obligations[code].to_dict() == rule.to_dict()

    def test_the_entry_into_force_clauses_are_data(self, law):
        clauses = {k: i.takes_effect for k, i in law.instruments.items() if i.takes_effect}
        assert clauses["GCIII"].months == 6
        assert clauses["RC"].days == 90
        assert clauses["ECHR"].after(D(2000, 5, 5)) == D(2000, 5, 5)
        # Protocol 13: the first day of the month after three months from the deposit.
        assert clauses["ECHR-P13"].after(D(2003, 10, 10)) == D(2004, 2, 1)
        # Never before the instrument itself entered into force.
        assert law.instruments["CAT"].effective(D(1986, 1, 1)) == D(1987, 6, 26)

    def test_lookups(self, law):
        assert law.provision("GCIII-118").article == "Art. 118"
        with pytest.raises(UnknownProvision, match="did you mean 'GCIII-118'"):
            law.provision("GCIII-1188")
        with pytest.raises(UnknownState):
            law.party("XX")
        assert law.resolves("RC-33")
        assert not law.resolves("RC-330")
        assert law.binding("UA", "GCIII", D(1955, 2, 2)) is None
        assert law.binds("US", "RC-33", D(2025, 1, 1))
        assert "RU" in law.allies("KP", D(2025, 1, 1))
        assert law.allies("RU", D(2025, 1, 1)) == ("KP",)
        assert law.treatment("RU", ["surrender"], D(2025, 1, 1))[0].cites == ("RU-CC-352.1",)
        assert law.reservations("KR", "GCIII-118", D(2025, 1, 1))[0].kind == "declaration"
        assert law.profile("KR", D(2025, 1, 1))["claims_nationals_of"] == ["KP"]
        assert law.concerns_for("bargaining_chip") == (
            "zelensky-2025-01-12",
            "joongang-2026-02-11",
        )
        assert law.render("refoulement_human_rights", {"risks": "death", "to": "KP"}).endswith(
            "in KP; no one may be sent to face it."
        )
        assert law.render("refoulement_human_rights", {"risks": "x", "to": "KP", "onward": "RU"})
        assert law.flag_text("medical_need").startswith("He was captured wounded")
        assert law.obligation_text("death_inquiry") == "Open an official inquiry into his death."
        assert law.generated_by() == {"law_data": "2026-11-26"}

    def test_rules_are_the_law_packages_own(self, law):
        assert isinstance(law.flags["medical_need"], FlagRule)
        assert law.flags["medical_need"].severity is Severity.MEDIUM
        assert list(Severity) == ["critical", "high", "medium", "low"]
        rule = law.obligations["internment_review"]
        assert isinstance(rule, ObligationRule)
        assert rule.days(None, D(2025, 8, 31)) == D(2026, 2, 28)

    def test_the_old_module_names_read_the_same_value(self, law):
        from powcase.law import concerns, messages, parties, provisions

        assert provisions.PROVISIONS is law.provisions
        assert parties.PARTIES is law.parties
        assert concerns.CONCERNS is law.concerns
        assert messages.MESSAGES is law.messages
        assert law.checked == provisions.LAW_DATA_DATE
        assert messages.FLAG_MESSAGES["medical_need"] == law.flag_text("medical_need")


def test_the_law_pickles_and_compares_by_value(law):
    # The packaged law is read from the package again rather than carried in every pickle
    # (a pickled case stays small); an overlaid law travels by value.
    assert pickle.loads(pickle.dumps(law)) is law
    assert len(pickle.dumps(law)) < 100
    overlaid = law.overlaid(OVERLAY)
    again = pickle.loads(pickle.dumps(overlaid))
    assert again == overlaid
    assert hash(again) == hash(overlaid)
    assert overlaid != law


def test_packaged_is_loaded_once(law):
    assert Law.packaged() is law


def test_importing_the_book_reads_no_file():
    code = textwrap.dedent(
        """
        import sys
        opened = []
        sys.addaudithook(
            lambda event, args: opened.append(str(args[0]))
            if event == "open" and args and "law" in str(args[0]) and ".yaml" in str(args[0])
            else None
        )
        import powcase.law.book as book
        import powcase.law.provisions, powcase.law.parties, powcase.law.messages
        assert book._PACKAGED == {}, book._PACKAGED
        assert opened == [], opened
        book.Law.packaged()
        assert opened, "the data files are read on first use"
        print("ok")
        """
    )
    env_path = str(ROOT / "src")
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": env_path},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


class TestOverlay:
    def test_the_example_adds_an_instrument_and_a_provision_and_replaces_a_state(self, law):
        overlaid = law.overlaid(OVERLAY)
        assert overlaid.overlays == (
            {
                "path": str(OVERLAY),
                "added": ["instruments.BY-CC", "provisions.BY-CC-361-3"],
                "replaced": ["parties.BY"],
            },
        )
        assert overlaid.party("BY").name == "Republic of Belarus"
        # Ratified in 1954: bound six months later under GCIII's own clause.
        assert overlaid.binding("BY", "GCIII", D(1955, 2, 3)) is not None
        assert overlaid.binding("BY", "GCIII", D(1955, 2, 2)) is None
        assert overlaid.binds("BY", "BY-CC-361-3", D(2025, 1, 1))
        assert overlaid.generated_by()["overlays"][0]["replaced"] == ["parties.BY"]
        assert overlaid.party("BY").treatment[0].cites == ("BY-CC-361-3",)
        assert law.party("BY").treatment == (), "the packaged value is unchanged"

    def test_an_entry_replaces_the_entry_with_its_key_whole(self, law):
        overlaid = law.overlaid(
            {
                "parties": {"TW": {"name": "Taiwan (Republic of China)"}},
                "messages": {"no_known_risk": "Nothing on record says {to} is a risk."},
            },
            origin="test",
        )
        assert overlaid.party("TW").name == "Taiwan (Republic of China)"
        assert overlaid.render("no_known_risk", {"to": "RU"}) == (
            "Nothing on record says RU is a risk."
        )
        assert overlaid.overlays[0]["replaced"] == ["parties.TW", "messages.no_known_risk"]
        assert list(overlaid.parties) == list(law.parties), "a replaced entry keeps its place"

    def test_a_replaced_clause_redates_the_deposits_already_in_the_table(self, law):
        gciii = yaml.safe_load((loading.DATA / "instruments.yaml").read_text("utf-8"))["GCIII"]
        gciii["takes_effect"] = {"months": 12}
        overlaid = law.overlaid({"instruments": {"GCIII": gciii}})
        assert overlaid.binding("UA", "GCIII", D(1955, 8, 2)) is None
        assert overlaid.binding("UA", "GCIII", D(1955, 8, 3)) is not None

    def test_overlays_apply_in_order(self, law, tmp_path):
        first = tmp_path / "first.json"
        first.write_text(json.dumps({"parties": {"TW": {"name": "One"}}}))
        overlaid = law.overlaid(first, {"parties": {"TW": {"name": "Two"}}}, origin="second")
        assert overlaid.party("TW").name == "Two"
        assert [o["path"] for o in overlaid.overlays] == [str(first), "second"]


def _error(law, tmp_path, text):
    path = tmp_path / "overlay.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    with pytest.raises(LawDataError) as caught:
        law.overlaid(path)
    return path, caught.value


class TestOverlayErrors:
    def test_an_impossible_date_is_located_in_the_overlay(self, law, tmp_path):
        path, error = _error(
            law,
            tmp_path,
            """
            parties:
              XA:
                name: Somewhere
                participations:
                - instrument: GCIII
                  how: ratification
                  deposited: 2025-02-30
                  source: https://example.org/x
            """,
        )
        assert str(error.located[0]) == (
            f"{path}:7:18: parties.XA.participations[0].deposited: 2025-02-30 is not a date"
        )
        assert isinstance(error, InvalidInput)
        assert error.code == "invalid_law_data"
        assert error.problems[0].path == "parties.XA.participations[0].deposited"
        assert error.located[0].to_dict()["line"] == 7

    def test_an_unknown_key_is_located_at_the_key(self, law, tmp_path):
        path, error = _error(
            law,
            tmp_path,
            """
            parties:
              XA:
                name: Somewhere
                treatmnet: []
            """,
        )
        assert str(error.located[0]).startswith(
            f"{path}:4:5: parties.XA.treatmnet: is not a known key"
        )
        assert error.located[0].problem.suggestion == "treatment"

    def test_an_unknown_table_is_located(self, law, tmp_path):
        path, error = _error(law, tmp_path, "partys: {}\n")
        assert str(error.located[0]).startswith(f"{path}:1:1: partys: is not a known key")

    def test_unresolved_references_are_located_after_merging(self, law, tmp_path):
        path, error = _error(
            law,
            tmp_path,
            """
            provisions:
              FOO-1:
                instrument: FOO
                article: Art. 1
                paraphrase: Says something.
                url: https://example.org/foo
            flags:
              medical_need:
                severity: medium
                cites: [GCIII-15, GCIII-300]
                text: Changed.
            parties:
              XA:
                name: Somewhere
                participations:
                - instrument: GCIIII
                  how: ratification
                  deposited: 2000-01-01
                  source: https://example.org/x
            """,
        )
        lines = [str(p) for p in error.located]
        assert f"{path}:3:17: provisions.FOO-1.instrument: FOO is not an instrument" in lines
        assert any(
            line.startswith(f"{path}:10:23: flags.medical_need.cites[1]: GCIII-300 is not")
            for line in lines
        )
        assert any(
            line.startswith(f"{path}:16:19: parties.XA.participations[0].instrument: GCIIII")
            and "did you mean 'GCIII'" in line
            for line in lines
        )

    def test_a_new_provision_resolves_for_the_overlays_own_references(self, law):
        overlaid = law.overlaid(
            {
                "instruments": {
                    "FOO": {
                        "title": "Foo Act",
                        "binding": "national",
                        "adopted": "2020-01-01",
                        "url": "https://example.org/foo",
                        "state": "XA",
                    }
                },
                "provisions": {
                    "FOO-1": {
                        "instrument": "FOO",
                        "article": "Art. 1",
                        "paraphrase": "Says something.",
                        "url": "https://example.org/foo",
                    }
                },
                "flags": {"medical_need": {"severity": "low", "cites": ["FOO-1"], "text": "X."}},
            },
            origin="mine",
        )
        assert overlaid.flags["medical_need"].cites == ("FOO-1",)
        assert overlaid.overlays[0]["added"] == ["instruments.FOO", "provisions.FOO-1"]

    def test_a_mapping_is_reported_under_its_origin(self, law):
        with pytest.raises(LawDataError) as caught:
            law.overlaid({"parties": {"XA": {"name": ""}}}, origin="from-test")
        assert str(caught.value.located[0]).startswith("from-test: parties.XA.name:")

    def test_an_unreadable_overlay(self, law, tmp_path):
        path, error = _error(law, tmp_path, "parties: [\n")
        assert str(error.located[0]).startswith(f"{path}:2:1: is not valid YAML")


def test_every_packaged_file_and_the_example_overlay_follow_the_schema():
    def as_json(value):
        return json.loads(json.dumps(value, default=lambda d: d.isoformat()))

    def validate(kind, path):
        data = as_json(yaml.safe_load(path.read_text("utf-8")))
        jsonschema.Draft202012Validator(law_schema(kind)).validate(data)

    jsonschema.Draft202012Validator.check_schema(law_schema())
    data = loading.DATA
    validate("manifest", data / "law.yaml")
    for kind in ("instruments", "concerns", "flags", "obligations", "messages"):
        validate(kind, data / f"{kind}.yaml")
    for path in sorted((data / "provisions").glob("*.yaml")):
        validate("provisions", path)
    for path in sorted((data / "parties").glob("*.yaml")):
        validate("party", path)
    validate("overlay", OVERLAY)
    bad = as_json(yaml.safe_load(OVERLAY.read_text("utf-8")))
    bad["parties"]["BY"]["participations"][0]["how"] = "declared"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(law_schema()).validate(bad)


_NAMES = st.sampled_from(["Taiwan", "Somewhere", "Elsewhere"])


@settings(max_examples=25, deadline=None)
@given(
    name=_NAMES,
    sentence=st.sampled_from(["No risk in {to}.", "Nothing known of {to}."]),
    new_state=st.sampled_from(["XA", "XB", "TW"]),
)
def test_applying_an_overlay_twice_equals_applying_it_once(name, sentence, new_state):
    overlay = {
        "parties": {new_state: {"name": name, "claims_nationals_of": ["KP"]}},
        "messages": {"no_known_risk": sentence},
    }
    once = Law.packaged().overlaid(overlay)
    twice = once.overlaid(overlay)
    assert attrs.evolve(twice, overlays=()) == attrs.evolve(once, overlays=())
    assert twice.overlays[1]["added"] == []


def test_the_module_cache_holds_the_packaged_law(law):
    assert book._PACKAGED["law"] is law
