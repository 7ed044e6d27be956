"""A war's toll told over months ('killed in the fighting early this year') is no incident of its own (cues.json
trend), so the fighting it names does not turn the incident told before it into a clash. Sentences written for
these tests."""

from test_detect import mentions, nlp  # noqa: F401  (detection's own helper and fixture)


def test_those_killed_in_the_fighting_this_year_are_a_period_toll(nlp):
    assert mentions(nlp, "The health ministry has said more than 3,000 people were killed in the fighting earlier "
                         "this year.") == []
    assert mentions(nlp, "Aid groups say 900 people have been killed in the clashes this month.") == []
    # one day's fighting, and a killing told by its day, stay incidents
    assert mentions(nlp, "Twelve people were killed in the fighting near Bunia on Tuesday.") != []


def test_the_period_toll_leaves_the_incident_before_it_alone(code):
    events = [e for e in code("BUNIA - Gunmen of the CODECO militia killed eight villagers with machetes near Djugu "
                              "on Monday, a local official said.\n\nThe army, which says CODECO is allied to other "
                              "militias, says more than 2,000 people were killed in the fighting early this year.",
                              "2025-06-10") if e.mode == "reported"]
    assert len(events) == 1
    assert events[0].sub_event_type == "Attack" and events[0].actor2 is not None and events[0].actor2.inter == 7
