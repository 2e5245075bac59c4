"""LegalPath has exactly the states, regions and transitions of the legal path
(docs/explanation/legal-model.md#model-states and #model-events), and describe() agrees
with it."""

import json

from powcase import LegalPath, describe
from powcase.engine.table import EDGES, NODES
from powcase.law.guards import GUARDS
from powcase.law.provisions import PROVISIONS

TOP_LEVEL = {
    "at_large": False,
    "hors_de_combat": False,
    "in_custody": False,
    "exchanged": True,
    "medically_repatriated": True,
    "interned_in_neutral_state": False,
    "in_neutral_custody": False,
    "transferred_to_third_power": False,
    "repatriated": True,
    "released_in_detaining_state": True,
    "released_to_third_state": False,
    "resettled": True,
    "escaped": False,
    "deceased": True,
}
REGIONS = {
    "status": [
        "presumed_pow",
        "status_in_doubt",
        "pow",
        "civilian_internee",
        "unprivileged_detainee",
    ],
    "protection": ["no_request", "request_pending", "request_granted", "request_refused"],
    "proceedings": ["none", "charged", "sentenced"],
}
CUSTODY_EXITS = {
    "exchange": "exchanged",
    "repatriate_medically": "medically_repatriated",
    "intern_in_neutral_state": "interned_in_neutral_state",
    "hand_over_to_neutral_custody": "in_neutral_custody",
    "transfer_to_power": "transferred_to_third_power",
    "release_in_detaining_state": "released_in_detaining_state",
}
NOT_FINAL = [s for s, final in TOP_LEVEL.items() if not final]
EXPECTED_EDGES = {
    ("fall_hors_de_combat", "at_large", "hors_de_combat"),
    ("rejoin_forces", "hors_de_combat", "at_large"),
    ("capture", "at_large", "in_custody"),
    ("capture", "hors_de_combat", "in_custody"),
    ("raise_status_doubt", "presumed_pow", "status_in_doubt"),
    ("raise_status_doubt", "pow", "status_in_doubt"),
    *{
        ("determine_status", s, t)
        for s in ("presumed_pow", "status_in_doubt")
        for t in ("pow", "civilian_internee", "unprivileged_detainee")
    },
    ("request_protection", "no_request", "request_pending"),
    ("request_protection", "request_refused", "request_pending"),
    ("decide_protection", "request_pending", "request_granted"),
    ("decide_protection", "request_pending", "request_refused"),
    ("charge", "none", "charged"),
    ("convict", "charged", "sentenced"),
    ("acquit", "charged", "none"),
    ("complete_sentence", "sentenced", "none"),
    *{(event, "in_custody", target) for event, target in CUSTODY_EXITS.items()},
    ("recall", "transferred_to_third_power", "in_custody"),
    ("return_from_neutral_custody", "in_neutral_custody", "in_custody"),
    *{
        ("release_to_third_state", s, "released_to_third_state")
        for s in ("in_custody", "interned_in_neutral_state", "in_neutral_custody")
    },
    ("resettle", "released_to_third_state", "resettled"),
    *{
        ("repatriate", s, "repatriated")
        for s in (
            "in_custody",
            "interned_in_neutral_state",
            "in_neutral_custody",
            "transferred_to_third_power",
        )
    },
    *{
        ("escape", s, "escaped")
        for s in ("in_custody", "interned_in_neutral_state", "in_neutral_custody")
    },
    *{
        ("recapture", "escaped", s)
        for s in ("in_custody", "interned_in_neutral_state", "in_neutral_custody")
    },
    *{("die", s, "deceased") for s in NOT_FINAL},
}


def test_the_top_level_states_and_which_are_final():
    top = {n.id: n.final for n in NODES.values() if n.parent is None}
    assert top == TOP_LEVEL
    assert LegalPath.initial_state.id == "at_large"


def test_in_custody_is_parallel_with_three_regions_in_order():
    custody = NODES["in_custody"]
    assert custody.kind == "parallel"
    assert list(custody.children) == list(REGIONS)
    for region, leaves in REGIONS.items():
        assert list(NODES[region].children) == leaves
        assert NODES[region].initial == leaves[0]


def test_exactly_the_transitions_of_the_model():
    assert {(e.event, e.source, e.target) for e in EDGES} == EXPECTED_EDGES


def test_recall_return_and_recapture_restore_the_regions_through_history():
    restoring = {(e.event, e.source) for e in EDGES if e.restores}
    assert restoring == {
        ("recall", "transferred_to_third_power"),
        ("return_from_neutral_custody", "in_neutral_custody"),
        ("recapture", "escaped"),
    }


def test_the_strict_flags_are_set():
    assert LegalPath.allow_event_without_transition is False
    assert LegalPath.catch_errors_as_events is False
    assert LegalPath.atomic_configuration_update is True
    assert LegalPath.enable_self_transition_entries is False


def test_final_states_have_no_way_out():
    assert not [e for e in EDGES if NODES[e.source].final]


def test_every_transition_cites_a_provision_that_resolves():
    for edge in EDGES:
        cites = GUARDS[edge.event].cites
        assert cites or edge.event in UNCITED, edge
        assert all(c in PROVISIONS for c in cites), (edge, cites)


UNCITED = {
    "die",
    "resettle",
    "charge",
    "convict",
    "transfer_to_power",
    "return_from_neutral_custody",
    "capture",
    "repatriate",
    "request_protection",
}
"""Transitions whose provisions depend on where he is, so only their reasons cite: a capture
brings GCIII-5's protection to a soldier and GCIV-4's to a civilian, a return home GCIII-118
for a prisoner of war and GCIV-133 for an internee, a death
binds GCIII-120 and GCIII-121 only on a holder, resettlement rests on the receiving
state's own law (NKRA only for the Republic of Korea), a trial's guarantees and a transfer's
rules on his status (GCIII for one treated as a prisoner of war; API-75(4), ICCPR-14 and
GCIV-45 for others), a request for protection RC-1A(2) only as a claim to asylum (a request to a
third state to take him is no refugee claim), and nothing
authorised the 1954 return from neutral custody."""


class TestDescribeAgreesWithTheChart:
    model = describe()

    def test_it_is_json(self):
        assert json.loads(json.dumps(self.model)) == self.model

    def test_states(self):
        described = {s["id"]: (s["parent"], s["final"]) for s in self.model["states"]}
        assert described == {n.id: (n.parent, n.final) for n in NODES.values()}
        assert all(s["name"] for s in self.model["states"])

    def test_transitions(self):
        described = {(t["event"], t["source"], t["target"]) for t in self.model["transitions"]}
        assert described == EXPECTED_EDGES
        for t in self.model["transitions"]:
            assert t["cites"] == list(GUARDS[t["event"]].cites)

    def test_events_are_every_machine_event_and_incident(self):
        machine = {e["id"] for e in self.model["events"] if e["kind"] == "machine"}
        assert machine == {e for e, _, _ in EXPECTED_EDGES}
        incidents = {e["id"] for e in self.model["events"] if e["kind"] == "incident"}
        assert {
            "interrogated",
            "media_exposure",
            "wish_expressed",
            "wish_verified",
            "hostilities_ended",
            "risk_on_return",
            "inquiry_opened",
        } <= incidents
        capture = next(e for e in self.model["events"] if e["id"] == "capture")
        assert capture["fields"]["by"]["kind"] == "state"

    def test_provisions_and_assumptions(self):
        ids = [p["id"] for p in self.model["provisions"]]
        assert ids == list(PROVISIONS)
        keys = {"id", "instrument", "article", "paraphrase", "url"}
        for p in self.model["provisions"]:
            # An interpretive source also lists the options adopting it; a treaty provision
            # may name the customary rule that applies where the treaty does not bind.
            assert keys <= set(p) <= {*keys, "readings", "customary"}
        readings = {p["id"]: p["readings"] for p in self.model["provisions"] if "readings" in p}
        assert readings["ICRC-COM-2020-GCIII-118"] == [
            {"assumption": "ihl_non_refoulement", "option": "icrc_2020"}
        ]
        keys = {a["key"]: a for a in self.model["assumptions"]}
        assert keys["ihl_non_refoulement"]["options"] == ["icrc_2020", "free_will", "strict_text"]
        assert keys["ihl_non_refoulement"]["default"] == "icrc_2020"
        assert keys["repatriation_delay_days"]["default"] == 90


def test_describe_lists_every_flag_and_obligation():
    from powcase.law.docket import OBLIGATION_RULES
    from powcase.law.flags import FLAG_RULES

    model = describe()
    assert [f["code"] for f in model["flags"]] == list(FLAG_RULES)
    assert {"code", "severity", "cites"} <= set(model["flags"][0])
    assert [o["code"] for o in model["obligations"]] == list(OBLIGATION_RULES)
    assert {"code", "provision", "due"} <= set(model["obligations"][0])
    assert next(o for o in model["obligations"] if o["code"] == "repatriation")["due"] == (
        "repatriation_delay_days"
    )
