"""Article -> events: the flow of DESIGN.md for one batch of articles.

ingest (done by the caller) -> analyse -> detect -> fill -> assemble -> classify/actors/
tolls -> geocode -> Event records. Each step is a function of what the previous one
made; evidence travels with every value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from strife.analyse import Analysis, analyse
from strife.extract.actors import battle_side, code_actors, forces_in_sentences, generic
from strife.extract.assemble import ACTORS_FROM_THE_EVENT_BESIDE, NEEDS_PLACE_BELOW_COUNTRY, Incident, assemble
from strife.extract.classify import ONE_SIDED, classify
from strife.extract.counts import find_casualties
from strife.extract.dates import find_dates, read_dateline
from strife.extract.detect import detect
from strife.extract.lexicon import LEXICON, load_data
from strife.extract.facts import SPEECH_BEFORE, armed_target, crowd_state_target, fill, lend_sentence_days
from strife.extract.notes import write_notes
from strife.extract.people import named as named_people
from strife.extract.places import choose_place
from strife.extract.roles import add_tagged_roles
from strife.extract.tolls import claims_of, coded_figure, tally
from strife.geo.gazetteer import Gazetteer
from strife.geo.geoparse import geoparse
from strife.ingest.article import Article
from strife.record import ArticleRef, Count, Evidence, Event
from strife.truecase import MIN_TOWN_POPULATION, PLACE_NAME_LOWERCASE

RIOTERS = "Rioters"  # ACLED's generic rioters, named for the country: Rioters (Peru)


@dataclass
class Extraction:
    article: Article
    events: list[Event]
    error: str | None = None  # coding this article failed: the batch goes on, the article is reported
    # the role tagger's spans (evidence) when no event happened to take them: who did what
    # to whom in a report whose incident the rules did not assemble (read by evaluate.muc4)
    roles: list[Evidence] = field(default_factory=list)


class Extractor:
    """Holds what is loaded once per process: the spaCy pipeline and the gazetteer."""

    def __init__(self, gazetteer: Gazetteer | None = None, role_tagger: bool = True) -> None:
        self.gazetteer = gazetteer or Gazetteer.open()
        # the learnt role tagger (extract.roles) enriches the events' perpetrators,
        # targets, victims and weapons; off, the rules alone fill them (its training
        # compares with them)
        self.role_tagger = role_tagger

    def _cased_place(self, phrase: str) -> str | None:
        """The place's name with its capitals, when the gazetteer knows `phrase` as a
        province, district or a town of some size (for restoring case to wire text)."""
        if len(phrase) < 4:
            return None
        for place in self.gazetteer.lookup(phrase):
            # a town must be of some size to outweigh the chance that the words are English
            if place.kind != "city" or place.population >= MIN_TOWN_POPULATION:
                return " ".join(w if w in PLACE_NAME_LOWERCASE else w[:1].upper() + w[1:] for w in phrase.split(" "))
        return None

    def extract(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Article]) -> Iterator[Extraction]:
        for analysis in analyse(batch, is_place=self._cased_place):
            try:
                events, roles = self.code_with_roles(analysis)
            except Exception as exc:  # one bad document never stops a batch
                yield Extraction(analysis.article, [], error=f"internal error while coding: {type(exc).__name__}: {exc}")
                continue
            yield Extraction(analysis.article, events, roles=roles)

    def code(self, analysis: Analysis) -> list[Event]:
        return self.code_with_roles(analysis)[0]

    def code_with_roles(self, analysis: Analysis) -> tuple[list[Event], list[Evidence]]:
        """The article's events, and the role tagger's evidence no event took (Extraction.roles)."""
        article, text, doc = analysis.article, analysis.text, analysis.doc
        dateline = read_dateline(article.body)  # as written: wire datelines are in capitals
        published, basis = article.published, article.published_basis
        if published is None and dateline is not None and dateline.date is not None:
            published, basis = dateline.date, "dateline"
        dates = find_dates(text, published)
        if dateline is not None:  # the dateline's date is when the story was filed, not an incident's
            dates = [d for d in dates if not dateline.start <= d.start < dateline.end]
        casualties = [c for sent in doc.sents for c in find_casualties(sent.text, sent.start_char)]
        geo = geoparse(doc, self.gazetteer, dateline=dateline)
        mentions = detect(doc, text, [(c.start, c.end) for c in casualties], dates)
        items = [(m, fill(m, text, published, dates, casualties, geo.mentions)) for m in mentions]
        items = lend_sentence_days(items, text, published, dates, casualties, geo.mentions)
        incidents = assemble(items, published, text, geo.mentions)
        for incident in incidents:
            share_sentence_date(incident, text, dates, published)
        ref = ArticleRef(
            id=article.id,
            url=article.url,
            title=article.title,
            source=article.source,
            published=published.isoformat() if published else None,
            published_basis=basis,
        )
        commemoration = LEXICON.cue_patterns["commemoration"].search(text) is not None
        events, taken = [], set()
        placed: dict[int, tuple] = {}  # each coded incident's place and precision, for the incidents split from it
        coded: dict[int, Event] = {}  # id(incident) -> its event, for a second event told beside it
        firsts = sorted(min(m.start for m in inc.mentions) for inc in incidents)
        for incident in incidents:
            # a coder's "Fatalities coded as N" speaks of the incident it follows, up to the next one
            first = min(m.start for m in incident.mentions)
            following = next((f for f in firsts if f > first), len(text))
            coded_n = coded_figure(text, first, following)
            if coded_n is not None and first != firsts[0] and coded_n[0] > 0 and not _tells_deaths(incident, text):
                # "…killing 5 civilians. On the same day, bandits abducted 12 people. Fatalities coded as 5":
                # a later incident that tells no death of its own is not what the figure counts
                coded_n = None
            parent = placed.get(id(incident.parent)) if incident.parent is not None else None
            event = code_incident(incident, text, ref, published, geo, self.gazetteer, dateline, coded_n, parent)
            if event is None:
                continue
            if commemoration and _commemorated_history(event, published):
                continue  # "…gathered to mark 30 years since the massacre": the old massacre is history, not coded
            if event.location is not None and event.location.geonameid is not None:
                where = self.gazetteer.get(event.location.geonameid)
                if where is not None and where.kind != "country":
                    placed[id(incident)] = (where, event.location.geo_precision, event.location.name)
            coded[id(incident)] = event
            if incident.beside is not None and (beside := coded.get(id(incident.beside))) is not None:
                _take_sides_beside(event, beside)
                event.notes = write_notes(event, incident, dateline)
                event.confidence = _confidence(event)
            ordinal = 0
            while event.with_stable_id(ordinal).id in taken:  # unique within an article: the store refuses a reused id
                ordinal += 1
            taken.add(event.id)
            events.append(event)
        # The tagger learnt its weights from restored-case wire text (MUC-4's capitals) and
        # is applied to the same kind of input: on mixed-case reports the rules' roles are
        # measured (the devsets) and its spans are not, and spot checks found wrong ones
        # ("tear gas" as a weapon of a dispersal).
        roles = add_tagged_roles(events, doc, article.text) if self.role_tagger and analysis.upper_case else []
        for event in events:
            for ev in event.evidence:
                if ev.start is not None:  # quotes as the user wrote them (wire text keeps its capitals)
                    ev.quote = article.text[ev.start : ev.end]
        return events, roles


COMMEMORATED_HISTORY_DAYS: int = load_data("assembly.json")["commemorated_history_days"]


def _commemorated_history(event: Event, published: dt.date | None) -> bool:
    """A background incident of a commemoration's report that ended long before it (assembly.json
    commemorated_history_days): the old attack the report marks."""
    if event.mode != "background" or published is None or not event.date:
        return False
    try:
        day = dt.date.fromisoformat((event.date_end or event.date)[:10])
    except ValueError:
        return False
    return (published - day).days > COMMEMORATED_HISTORY_DAYS


def _take_sides_beside(event: Event, beside: Event) -> None:
    """A development split off beside another event takes that event's sides where its own clause names none (an
    unidentified armed group coded for want of a name is none; assembly.json actors_from_the_event_beside)."""
    for role, from_role in ACTORS_FROM_THE_EVENT_BESIDE.get(event.sub_event_type, {}).items():
        own, theirs = getattr(event, role), getattr(beside, from_role)
        other = event.actor2 if role == "actor1" else event.actor1
        mutual = beside.actor1 is not None and beside.actor2 is not None and beside.actor1.name == beside.actor2.name
        if theirs is None or (other is not None and other.name == theirs.name and not mutual):
            continue  # a side cannot stand against itself (but two unnamed armed sides that fought can agree a truce)
        if role == "actor1" and theirs.inter in (5, 6, 7):
            continue  # the civilians a drone struck did not shoot the others down
        if own is not None and not (own.name.startswith("Unidentified Armed Group") and own.mention is None):
            continue  # the clause names its own side ("looting by unidentified men")
        setattr(event, role, theirs.model_copy())
        event.evidence.append(Evidence(field=role, reason=f"{theirs.name}, the {from_role} of the {beside.sub_event_type} it is told beside"))


def _tells_deaths(incident: Incident, text: str) -> bool:
    return tally("killed", claims_of(incident.parts, text), "fatalities").count is not None


def share_sentence_date(incident: Incident, text: str, dates, published: dt.date | None) -> None:
    """A clause cut from its sentence keeps the sentence's date: in "X fired rockets on
    Wednesday, and Y struck back in response", Y's strike is of Wednesday too."""
    if incident.best_date() is not None:
        return
    mention, facts = incident.parts[0]
    for d in dates:
        if (
            mention.sentence_start <= d.start < mention.sentence_end
            and d.date is not None
            and d.precision == 1
            and not (published and d.date > published)
            and not SPEECH_BEFORE.search(text[max(mention.sentence_start, d.start - 45) : d.start])
        ):
            facts.dates.append(d)
            return


def code_incident(incident: Incident, text: str, ref: ArticleRef, published: dt.date | None, geo, gazetteer, dateline,
                  coded: tuple[int, int, int] | None = None, parent: tuple | None = None) -> Event | None:
    """The incident's event record; `parent` is the place (Place, precision, name) of the incident it was split
    from, which stands for its own when it names none (places.choose_place)."""
    evidence: list[Evidence] = []
    signals = {}
    kinds = incident.signals
    for m in incident.mentions:
        for t in m.triggers:
            if t.kind in kinds:
                signals.setdefault(t.kind, t)

    place, geo_precision, place_evidence = choose_place(incident, geo, gazetteer, dateline, parent)
    evidence.extend(place_evidence)
    state = next((f.state_actor[0] for f in incident.facts if f.state_actor), None)
    # actors are named for the incident's country: its place's, else the article's main country
    # (a state striking abroad is not the country its strike happened in; code_actors falls back
    # on the acting group's home, then that state)
    iso2 = place.country_iso2 if place is not None else geo.main_country(exclude=state)

    casualty_items = claims_of(incident.parts, text)
    killed = tally("killed", casualty_items, "fatalities")
    if coded is not None:
        n, start, end = coded
        high = max(n, killed.count.high if killed.count else n)
        if killed.count is not None and killed.count.best != n:
            killed.disputes.append(f"killed: {killed.count.best} as the report tells it; the coder's figure is {n}")
        killed.count = Count(low=n, best=n, high=high)
        killed.evidence.append(Evidence(field="fatalities", start=start, end=end, quote=text[start:end]))
    injured = tally("injured", casualty_items, "injuries")
    abducted = tally("abducted", casualty_items, "abducted")
    arrested = tally("arrested", casualty_items, "arrested")

    killed_by_category = dict(killed.bests)
    actors = code_actors(incident.parts, set(signals), iso2, killed_by_category, article_text=text)
    coding = classify(
        signals,
        actors.actor1.inter if actors.actor1 else None,
        actors.actor2.inter if actors.actor2 else None,
        killed_by_category,
        state_acting=state is not None,
        demonstration=actors.demonstration,
        armed_target=any(armed_target(m.text) is not None for m in incident.mentions),
        state_target=any(crowd_state_target(m.text) for m in incident.mentions),
        abducted=abducted.count.best if abducted.count else None,
    )
    if coding is None:
        return None
    if coding.event_type == "Battles" and actors.actor2 is None and actors.actor1 is not None and actors.actor1.inter != 1:
        # a battle has two sides: state forces the incident's sentences name ("after clashing with
        # regime forces", "the RSF and the Sudanese Armed Forces (SAF) clashed") are the other one
        actors.actor2 = forces_in_sentences(incident, text, iso2)
    elif (coding.event_type == "Battles" and actors.actor1 is not None and actors.actor2 is not None and actors.actor2.inter == 7
          and not _only_civilians_killed(killed_by_category)):
        # a battle has two armed sides, never civilians: the dead told only as people fell in the fighting, and the
        # side fought is armed (dead the report calls civilians, and no one else, leave the civilians the side acted upon)
        if (side := battle_side(incident, text, iso2, actors.actor1)) is not None:
            actors.recode_actor2(side, "a battle's other side is armed; the dead told as people fell in it")
    if (coding.event_type == "Violence against civilians" and actors.actor2 is None and actors.actor1 is not None and iso2
            and signals.keys() & {"kill", "abduction", "sexual"}):
        # violence against civilians is done to civilians (ACLED), even when the report tells its victims only by
        # the act ("a village headman was shot dead", "died in raids"); an attack only ordered or threatened harms no one
        actors.recode_actor2(generic("Civilians", iso2, 7, None, "target"), "violence against civilians: its victims are civilians")
    if coding.sub_event_type in ONE_SIDED and actors.actor2 is not None:
        # a base set up is its side's own act, not one on the enemy it is meant against (taxonomy.json)
        actors.recode_actor2(None)
    if coding.event_type == "Riots" and (actors.actor1 is None or actors.actor1.inter not in (5, 1, 8)):
        # ACLED: a riot's actor1 is its rioters; villagers who lynch a suspect are a mob, not an armed group
        # (state forces stay: they are never the rioters, but may be what is told first); a mob told
        # only by its act ("stoned to death a woman") is rioters too
        if actors.actor1 is None and coding.trigger is not None:
            t = coding.trigger
            actors.evidence.append(Evidence(field="actor1", start=t.start, end=t.end, quote=t.text, reason="a riot's actor1 is its rioters"))
        actors.actor1 = generic(RIOTERS, iso2, 5, actors.actor1.mention if actors.actor1 else (coding.trigger.text if coding.trigger else None),
                                actors.actor1.role if actors.actor1 else "perpetrator")
    if coding.sub_event_type in NEEDS_PLACE_BELOW_COUNTRY and (place is None or place.kind == "country"):
        return None  # a country-wide tally of interceptions names no place where one happened (assembly.json)
    if incident.mode == "background" and coding.event_type == "Strategic developments":
        return None  # an old agreement or arrest mentioned for context is not coded (ACLED codes violence in passing)
    if coding.trigger is not None:
        evidence.append(Evidence(field="event_type", start=coding.trigger.start, end=coding.trigger.end, quote=coding.trigger.text))

    date_value, date_end, precision = None, None, None
    best = incident.best_date()
    if best is not None:
        date_value, precision = best.date.isoformat(), best.precision
        date_end = best.date_end.isoformat() if best.date_end and best.date_end != best.date else None
        evidence.append(Evidence(field="date", start=best.start, end=best.end, quote=best.text, reason=best.reason))
    elif incident.mode == "reported" and published is not None:
        date_value, precision = published.isoformat(), 2
        evidence.append(Evidence(field="date", reason="the text gives no date for this incident: the report's publication date, precision week"))
    else:
        why = "no publication date and no absolute date in the text" if published is None else "the text gives no date for this earlier incident"
        evidence.append(Evidence(field="date", reason=why))

    weapons = []
    for f in incident.facts:
        for w in f.weapons:
            if w.kind not in weapons:
                weapons.append(w.kind)
                evidence.append(Evidence(field="weapons", start=w.start, end=w.end, quote=w.text))
    if "bomb" in weapons and any(w in weapons for w in ("roadside bomb", "car bomb", "improvised explosive device", "suicide bombers")):
        weapons.remove("bomb")
    targets = []
    for f in incident.facts:
        for t in f.targets:
            if t.text not in targets:
                targets.append(t.text)
                evidence.append(Evidence(field="targets", start=t.start, end=t.end, quote=t.text))
    victims_named = named_people(incident.mentions, "victim")
    for hit in victims_named:
        evidence.append(Evidence(field="victims", start=hit.start, end=hit.end, quote=hit.text))
    for f in incident.facts:
        if f.no_claim is not None:
            evidence.append(Evidence(field="claimed_by", start=f.no_claim.start, end=f.no_claim.end, quote=f.no_claim.text, reason="no one claimed responsibility"))
    evidence.extend(actors.evidence)
    for toll in (killed, injured, abducted, arrested):
        evidence.extend(toll.evidence)
    first = incident.mentions[0]
    evidence.append(Evidence(field="mode", start=first.start, end=first.end, quote=first.text))

    location = place.to_location(geo_precision) if place is not None else None
    event = Event(
        article=ref,
        mode=incident.mode,
        date=date_value,
        date_end=date_end,
        time_precision=precision,
        disorder_type=coding.disorder_type,
        event_type=coding.event_type,
        sub_event_type=coding.sub_event_type,
        actor1=actors.actor1,
        actor2=actors.actor2,
        assoc_actors=actors.assoc,
        victims=_unique(killed.victims + injured.victims + abducted.victims + [h.text for h in victims_named]),
        targets=targets,
        location=location,
        fatalities=killed.count,
        fatalities_by_group=killed.by_group,
        injuries=injured.count,
        abducted=abducted.count,
        arrested=arrested.count,
        weapons=weapons,
        claimed_by=actors.claimed_by,
        disputes=_unique(killed.disputes + injured.disputes),
        evidence=sorted(evidence, key=lambda e: (e.start is None, e.start or 0)),
    )
    event.notes = write_notes(event, incident, dateline)
    event.confidence = _confidence(event)
    return event


def _only_civilians_killed(killed: dict[str, int]) -> bool:
    return killed.get("civilians", 0) > 0 and not any(n for k, n in killed.items() if k not in ("civilians", "people"))


def _unique(items: list[str]) -> list[str]:
    out = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return out


def _confidence(event: Event) -> float:
    score = 0.4
    score += 0.15 if event.location and event.location.geo_precision == 1 else 0.05 if event.location else 0
    score += 0.15 if event.date and event.time_precision == 1 else 0.05 if event.date else 0
    score += 0.15 if event.actor1 else 0
    score += 0.1 if event.fatalities is not None or event.injuries is not None else 0
    return round(min(score, 0.95), 2)
