"""The made-up vocabulary of presscut's synthetic news: common words, people's names, places
and sections of fictional outlets (the page and story generators draw from it)."""

from __future__ import annotations


def word_list(text: str) -> tuple[str, ...]:
    return tuple(text.split())


WORDS: tuple[str, ...] = word_list(
    """
    the a of to and in on for with at by from over after before during under about against between into
    through without within across along around behind beyond near since until while although because
    council harbour port city town village county district mayor councillor resident residents family
    families school schools teacher teachers student students hospital doctor nurse patients clinic
    police officer court judge jury trial lawyer witness case ruling appeal sentence fine charge
    budget tax taxes cost costs money fund funds grant grants spending plan plans proposal proposals
    vote votes voters election candidate candidates campaign party parties majority minority seat seats
    river bridge road roads street streets rail railway station bus buses ferry ferries ship ships
    dock docks crane cranes worker workers union unions strike strikes wage wages job jobs shift shifts
    company companies firm firms factory factories plant plants mine mines farm farms farmer farmers
    flood floods storm storms rain snow wind winds fire fires wildfire drought weather season seasons
    water power energy electricity gas fuel heat ice coast shore lake lakes sea beach beaches island
    team teams club clubs match matches game games goal goals season coach player players fans stadium
    museum library festival concert theatre exhibition artist artists book books film music history
    scientist scientists study studies research researchers data survey results species forest forests
    week weeks month months year years morning evening night day days decade spring summer autumn winter
    said says told added warned argued announced confirmed expected agreed refused approved rejected
    opened closed started finished built repaired moved raised reduced increased cut paid spent asked
    new old local public private small large major minor early late first last next former final
    long short high low full empty open quiet busy safe dangerous cheap expensive free difficult simple
    more most less least many few several some every each other another same different whole half
    still already again also only even just almost nearly about roughly around perhaps probably never
    will would could should must may might can cannot has have had was were is are been being be
    people person men women children group groups members member community communities neighbours
    office offices building buildings house houses home homes site sites area areas centre centres
    report reports statement statements letter letters meeting meetings hearing hearings decision
    decisions question questions answer answers problem problems reason reasons change changes
    number numbers level levels rate rates price prices share shares figure figures record records
    board boards committee committees agency agencies department departments service services
    """
)
FIRST_NAMES: tuple[str, ...] = word_list(
    """Ada Alun Amara Anders Anika Bea Bram Carys Cato Dara Dario Edda Elif Elsa Emeka Enzo Esme Fenna
    Fintan Greta Hana Idris Ines Ivo Jana Jonah Kaia Kasimir Lena Lior Maren Milo Nadia Nils Oona Orrin
    Pia Quinn Rhea Rowan Saoirse Soren Tamsin Teo Una Viggo Wren Yara Zeno"""
)
LAST_NAMES: tuple[str, ...] = word_list(
    """Abernathy Achterberg Bellweather Brannock Calloway Carrow Delacourt Dunmore Eastlake Fairweather
    Fenwick Galloway Halloran Hartwell Ingleby Jessop Kettering Lindqvist Marchetti Merriweather Nakamura
    Okonkwo Penhallow Quarrie Ravensworth Saltonstall Tregarthen Umberfield Vasquez-Holm Whitcombe Yardley
    Zelenko Ashdown Blackmore Corrigan Dalgleish Everleigh Foxley Grantham Holloway"""
)
PLACES: tuple[str, ...] = (
    "Kestrel Harbour", "Valemont", "Northreach", "Port Averne", "Pontevalle", "Villa Quenta", "Rheinfeld",
    "Saltmere", "Brackenford", "Eastfold", "Thornbury Cross", "Gull Island", "Mill Reach", "Birch Narrows",
    "Caribou Point", "Lanyon", "Carrick Vale", "Penhallow", "Oberau", "Casalmonte", "Porto Azul", "Westmarch",
)
SECTIONS: tuple[str, ...] = (
    "News", "Politics", "Courts", "Business", "Environment", "Weather", "Sport", "Culture", "Science",
    "Education", "Transport", "Health",
)
