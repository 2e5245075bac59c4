"""Translations: the catalogues are complete, current and faithful to the English, and the law's
texts read in Korean and Ukrainian keep every id they were given.

The catalogues are gettext files under ``src/powcase/locale``; the English text is the law's
YAML data and the chart, read by the extraction methods of ``powcase.law.extraction``.
"""

from __future__ import annotations

import configparser
import pathlib
import re
import string
import subprocess
import sys
import tomllib

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from powcase._util import i18n
from powcase.errors import InvalidInput
from powcase.law import translated
from powcase.law.book import Law
from powcase.law.extraction import MAPPING, PACKAGE, extracted
from powcase.model.events import RISK_KINDS

ROOT = pathlib.Path(__file__).resolve().parent.parent
LOCALE = PACKAGE / "locale"
TRANSLATED = ("ko", "uk")
LAW = Law.packaged()


def _po(lang: str):
    with (LOCALE / lang / "LC_MESSAGES" / "powcase.po").open("rb") as stream:
        return read_po(stream, locale=lang)


def _messages(catalog) -> dict[tuple[str | None, str], object]:
    return {(m.context, m.id): m for m in catalog if m.id}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.fixture(scope="module")
def template():
    return extracted()


# --- the catalogues ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_has_a_translation_neither_empty_nor_fuzzy(lang):
    catalog = _po(lang)
    untranslated = [m.context for m in catalog if m.id and not m.string]
    fuzzy = [m.context for m in catalog if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []
    assert not catalog.fuzzy, "the catalogue header is marked fuzzy"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_are_the_same_in_every_translation(lang):
    differ = {
        m.context: (sorted(_fields(m.id)), sorted(_fields(m.string)))
        for m in _po(lang)
        if m.id and _fields(m.id) != _fields(m.string)
    }
    assert differ == {}


def test_the_template_and_catalogues_are_current_with_the_data(template):
    """Re-extracting from the law data, the chart and the code gives exactly the ids of the
    committed template and of each catalogue: a sentence added to or changed in the data
    without `python tools/catalogues.py all` fails here (and so in CI).
    """
    wanted = set(_messages(template))
    with (LOCALE / "powcase.pot").open("rb") as stream:
        assert set(_messages(read_po(stream))) == wanted
    for lang in TRANSLATED:
        catalog = _po(lang)
        assert set(_messages(catalog)) == wanted, lang
        assert not catalog.obsolete, lang


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_compiled_catalogue_is_the_po_compiled(lang):
    with (LOCALE / lang / "LC_MESSAGES" / "powcase.mo").open("rb") as stream:
        compiled = {(m.context, m.id): m.string for m in read_mo(stream) if m.id}
    source = {(m.context, m.id): m.string for m in _po(lang) if m.id}
    assert compiled == source


def test_every_user_facing_text_of_the_law_is_extracted(template):
    """Each reason, flag, obligation (and its provision-specific wording), provision
    paraphrase and article, instrument title, party name, state and event name is a message
    with its own context; a concern's title only where it is ours (in square brackets).
    """
    by_context = {m.context: m.id for m in template if m.id}
    for code, text in LAW.messages.items():
        assert by_context[f"reason:{code}"] == text
    for code, rule in LAW.flags.items():
        assert by_context[f"flag:{code}"] == rule.text
    for code, obligation in LAW.obligations.items():
        assert by_context[f"obligation:{code}"] == obligation.text
        for key, text in obligation.texts:
            assert by_context[f"obligation:{code}:{key}"] == text
    for pid, provision in LAW.provisions.items():
        assert by_context[f"provision:{pid}"] == provision.paraphrase
        assert by_context[f"article:{pid}"] == provision.article
    for code, instrument in LAW.instruments.items():
        assert by_context[f"instrument:{code}"] == instrument.title
    for code, party in LAW.parties.items():
        assert by_context[f"party:{code}"] == party.name
    for cid, concern in LAW.concerns.items():
        assert (f"concern:{cid}" in by_context) == concern.title.startswith("[")
    assert by_context["state:pow"] == "Prisoner of war"
    assert by_context["event:fall_hors_de_combat"] == "Fall hors de combat"
    assert {f"risk:{k}" for k in RISK_KINDS} <= set(by_context)


def test_provision_ids_in_a_message_are_unchanged_in_its_translations():
    """GCIII-141 named in GCIV-157's paraphrase, for one, reads GCIII-141 in every language."""
    ids = sorted(LAW.provisions, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(i) for i in ids))
    checked = 0
    for lang in TRANSLATED:
        for m in _po(lang):
            for found in pattern.findall(m.id or ""):
                assert found in m.string, (lang, m.context, found)
                checked += 1
    assert checked > 0


def test_babel_cfg_maps_the_same_files_to_the_same_methods_as_the_catalogue_tool():
    """`pybabel extract -F babel.cfg` and `python tools/catalogues.py extract` read the same
    files with the same methods (babel.cfg names them by their entry points).
    """
    entry_points = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"][
        "babel.extractors"
    ]
    config = configparser.ConfigParser()
    config.read(ROOT / "babel.cfg")
    mapped = []
    for section in config.sections():
        method, pattern = (part.strip() for part in section.split(":", 1))
        mapped.append((pattern, entry_points.get(method, method)))
    assert mapped == MAPPING


def test_the_catalogue_tool_check_passes_on_the_committed_catalogues():
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "catalogues.py"), "check"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(PACKAGE.parent), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr


# --- the runtime ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "uk_UA.UTF-8"}, "uk"),
        ({"LC_MESSAGES": "uk_UA", "LANG": "ko_KR.UTF-8"}, "uk"),
        ({"LC_ALL": "ko_KR.UTF-8", "LC_MESSAGES": "uk_UA", "LANG": "en_GB"}, "ko"),
        ({"LC_ALL": "", "LANG": "ko"}, "ko"),
        ({"LANG": "uk_UA@euro"}, "uk"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({}, "en"),
    ],
)
def test_the_language_comes_from_the_environment_s_locale(environ, lang):
    assert i18n.resolve(environ=environ) == lang


def test_a_language_asked_for_wins_over_the_environment():
    assert i18n.resolve("en", environ={"LANG": "ko_KR.UTF-8"}) == "en"
    assert i18n.resolve("ko", environ={"LANG": "uk_UA.UTF-8"}) == "ko"


@pytest.mark.parametrize("bad", ["fr", "KO", "ko_KR", ""])
def test_a_language_powcase_does_not_speak_is_refused_with_the_list(bad):
    with pytest.raises(InvalidInput, match="one of 'en', 'ko', 'uk'"):
        i18n.resolve(bad)


def test_the_languages_are_english_korean_and_ukrainian():
    assert i18n.LANGUAGES == ("en", "ko", "uk")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_translated_output_has_its_unofficial_notice_in_its_language(lang):
    notice = i18n.unofficial(lang)
    assert notice is not None
    assert not notice.fallback
    assert {"ko": "비공식 번역", "uk": "Неофіційний переклад"}[lang] in notice.text
    assert i18n.unofficial("en") is None


def test_str_of_a_translation_is_its_text_and_english_needs_no_catalogue():
    assert str(translated.state("pow", "ko")) == "포로"
    english = translated.state("pow", "en")
    assert english == i18n.Translated("Prisoner of war", "en", fallback=False)


def test_an_entry_an_overlay_adds_falls_back_to_english_marked():
    law = LAW.overlaid(
        {
            "messages": {"overlay_reason": "An overlay's own reason about {to}."},
            "provisions": {
                "GCIII-999": {
                    "instrument": "GCIII",
                    "article": "Art. 999",
                    "paraphrase": "A paraphrase an overlay added.",
                    "url": "https://example.org/gciii-999",
                }
            },
        }
    )
    for lang in TRANSLATED:
        added = translated.reason(law, "overlay_reason", {"to": "RU"}, lang)
        assert added == i18n.Translated("An overlay's own reason about RU.", lang, fallback=True)
        paraphrase = translated.provision(law, "GCIII-999", lang)
        assert paraphrase.fallback
        assert paraphrase.text == "A paraphrase an overlay added."
        # The packaged entries beside it are still translated.
        assert not translated.provision(law, "GCIII-118", lang).fallback


def test_an_entry_an_overlay_rewords_falls_back_to_its_new_english_marked():
    """A translation is of the packaged English: an overlay's new wording has none."""
    law = LAW.overlaid(
        {
            "flags": {
                "medical_need": {
                    "severity": "medium",
                    "cites": ["GCIII-15", "GCIII-30"],
                    "text": "Reworded by the overlay.",
                }
            }
        }
    )
    text = translated.flag(law, "medical_need", "uk")
    assert text == i18n.Translated("Reworded by the overlay.", "uk", fallback=True)
    assert not translated.flag(LAW, "medical_need", "uk").fallback


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_packaged_text_reads_translated_in_each_language(lang):
    texts = [
        *(translated.flag(LAW, code, lang) for code in LAW.flags),
        *(translated.obligation(LAW, code, lang) for code in LAW.obligations),
        *(translated.provision(LAW, pid, lang) for pid in LAW.provisions),
        *(translated.article(LAW, pid, lang) for pid in LAW.provisions),
        *(translated.instrument(LAW, code, lang) for code in LAW.instruments),
        *(translated.party(LAW, code, lang) for code in LAW.parties),
    ]
    assert [t for t in texts if t.fallback] == []


def test_an_obligation_resting_on_another_provision_reads_in_that_provision_s_words():
    """GCIV-133 ends an internment; GCIII-118 releases and repatriates a prisoner."""
    internee = translated.obligation(LAW, "repatriation", "ko", provision="GCIV-133")
    prisoner = translated.obligation(LAW, "repatriation", "ko", provision="GCIII-118")
    assert "억류를 종료" in internee.text
    assert "송환" in prisoner.text
    assert translated.obligation(LAW, "repatriation", "en", provision="GCIV-133").text == (
        LAW.obligations["repatriation"].text_for("GCIV-133")
    )


def test_an_incident_has_no_name_and_its_id_stays():
    assert translated.event("icrc_visit", "ko") == i18n.Translated("icrc_visit", "ko")
    assert translated.event("capture", "uk").text == "Взяття в полон"


def test_risk_kinds_in_a_reason_read_in_the_reader_s_words():
    params = {"to": "KP", "risks": "persecution, torture and death", "onward": "RU"}
    assert (
        "박해, 고문 및 사망"
        in translated.reason(LAW, "refoulement_human_rights", params, "ko").text
    )
    uk = translated.reason(LAW, "refoulement_human_rights", params, "uk").text
    assert "переслідування, катування і смерть" in uk
    assert "RU" in uk


# --- the property --------------------------------------------------------------------------

_IDS = st.sampled_from(sorted(LAW.parties) + sorted(LAW.provisions))
_RISK_WORDS = st.lists(st.sampled_from(RISK_KINDS), min_size=1, max_size=4, unique=True).map(
    lambda kinds: ", ".join(k.replace("_", " ") for k in kinds)
)
_DERIVED = {"onward_text", "instead_text", "why_text"}
_WHY = ("power_of_origin", "nationality", "detaining_power", "party")


@st.composite
def _reasons(draw):
    code = draw(st.sampled_from(sorted(LAW.messages)))
    names = _fields(LAW.messages[code])
    params: dict[str, object] = {}
    for name in sorted(names - _DERIVED):
        if name in {"risks", "kinds"}:
            params[name] = draw(_RISK_WORDS)
        else:
            params[name] = draw(
                _IDS | st.tuples(_IDS, _IDS).filter(lambda pair: pair[0] != pair[1])
            )
    if "onward_text" in names:
        params["onward"] = draw(st.none() | _IDS)
    if "instead_text" in names:
        params["instead"] = draw(st.just("") | _IDS)
        params.setdefault("to", draw(_IDS))
    if "why_text" in names:
        params["why"] = draw(st.sampled_from(_WHY))
    return code, params


def _given_ids(code: str, params: dict[str, object]) -> set[str]:
    """The ids a reader must find in the sentence: every value of a placeholder it has (risk
    lists are words, translated), the ally that would pass him on, and the moves instead.
    """
    names = _fields(LAW.messages[code])
    ids: set[str] = set()
    for name, value in params.items():
        shown = name in names or (
            (name == "onward" and "onward_text" in names)
            or (name in {"instead", "to"} and "instead_text" in names)
        )
        if shown and name not in {"risks", "kinds"} and value:
            ids.update(value if isinstance(value, tuple) else (value,))
    return ids


@given(_reasons(), st.sampled_from(TRANSLATED))
def test_a_reason_in_korean_or_ukrainian_never_raises_and_keeps_every_id(reason, lang):
    code, params = reason
    text = translated.reason(LAW, code, params, lang)
    assert not text.fallback
    for given_id in _given_ids(code, params):
        assert given_id in text.text, (code, given_id)
    assert translated.reason(LAW, code, params, "en").text == LAW.render(code, params)
