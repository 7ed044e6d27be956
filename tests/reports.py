"""Short reports written for strife's tests, in the style of wire stories, with what a
coder records for each. They are the regression suite of the pipeline: every one is
invented for these tests (real places, fictional incidents)."""

REPORTS = [
    {
        "key": "afghan-ied",
        "published": "2023-05-10",  # a Wednesday
        "text": (
            "KABUL, Afghanistan (AP) — A roadside bomb struck a minibus carrying farm workers in "
            "Kandahar province on Tuesday, killing seven people and wounding 12 others, a provincial "
            "spokesman said.\n\nNo group immediately claimed responsibility for the blast.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2023-05-09", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Remote explosive/landmine/IED", "iso3": "AFG", "fatalities": 7, "injuries": 12,
            "actor1": "Unidentified Armed Group (Afghanistan)", "inter1": 3, "claimed_by": [],
        }],
    },
    {
        "key": "nigeria-abduction",
        "published": "2022-12-02",  # a Friday
        "text": (
            "Gunmen abducted at least 25 students from a boarding school in Kankara, Katsina state, "
            "late Wednesday, police said on Friday. A police officer was shot dead during the raid.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2022-11-30", "event_type": "Violence against civilians",
            "sub_event_type": "Abduction/forced disappearance", "iso3": "NGA", "fatalities": 1,
            "abducted": 25, "actor1": "Unidentified Armed Group (Nigeria)",
        }],
    },
    {
        "key": "kenya-protest",
        "published": "2024-06-26",
        "text": (
            "Thousands of demonstrators marched through central Nairobi on Tuesday to protest against a "
            "proposed finance bill. Police fired tear gas and water cannon to disperse the crowds.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2024-06-25", "event_type": "Protests",
            "sub_event_type": "Protest with intervention", "iso3": "KEN",
            "actor1": "Protesters (Kenya)", "inter1": 6, "actor2": "Police Forces of Kenya", "inter2": 1,
        }],
    },
    {
        "key": "bangladesh-riot",
        "published": "2023-10-29",  # a Sunday
        "text": (
            "Opposition supporters rioted in Dhaka on Saturday, torching buses and hurling stones at "
            "police, who responded with rubber bullets. One police officer was killed and dozens of "
            "people were injured, officials said.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2023-10-28", "event_type": "Riots",
            "sub_event_type": "Violent demonstration", "iso3": "BGD", "fatalities": 1, "injuries": 12,
            "inter1": 5,
        }],
    },
    {
        "key": "yemen-airstrike",
        "published": "2022-01-18",
        "text": (
            "Air strikes hit a detention centre in Saada on Monday, killing at least 70 people, aid "
            "groups said. The strikes were the deadliest in months.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2022-01-17", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike", "iso3": "YEM", "fatalities": 70,
        }],
    },
    {
        "key": "mali-clash",
        "published": "2024-01-02",  # a Tuesday: "Dec. 30" is in the year before
        "text": (
            "Soldiers and JNIM fighters fought for several hours near Boni in central Mali on Dec. 30, "
            "the army said. Eleven soldiers and about twenty militants were killed in the clashes.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2023-12-30", "event_type": "Battles",
            "sub_event_type": "Armed clash", "iso3": "MLI", "fatalities": 31,
            "actor1": "JNIM: Group for Support of Islam and Muslims", "inter1": 2,
        }],
    },
    {
        "key": "syria-shelling",
        "published": "2023-03-01",  # Wednesday: "Monday" is Feb 27, across the month boundary
        "text": (
            "Government forces shelled the town of Sarmin in Idlib province on Monday, killing two "
            "civilians, including a child, rescue workers said.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2023-02-27", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack", "iso3": "SYR", "fatalities": 2,
        }],
    },
    {
        "key": "colombia-arrests",
        "published": "2024-02-15",
        "text": (
            "Colombian police arrested 14 suspected members of a criminal gang in Cali on Wednesday, "
            "seizing rifles and explosives, authorities said.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2024-02-14", "event_type": "Strategic developments",
            "sub_event_type": "Arrests", "iso3": "COL", "arrested": 14,
        }],
    },
    {
        "key": "somalia-suicide",
        "published": "2022-10-31",  # a Monday
        "text": (
            "A suicide bomber blew himself up at a busy market in Baidoa on Sunday, killing nine people, "
            "officials said. Al-Shabaab claimed responsibility for the bombing.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2022-10-30", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Suicide bomb", "iso3": "SOM", "fatalities": 9,
            "actor1": "Al Shabaab", "inter1": 2, "claimed_by": ["Al Shabaab"],
        }],
    },
    {
        "key": "india-vac-conflicting",
        "published": "2023-07-05",
        "text": (
            "Unidentified gunmen shot dead five villagers in Manipur's Churachandpur district on Tuesday, "
            "police said. Local leaders said eight people were killed in the attack.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2023-07-04", "event_type": "Violence against civilians",
            "sub_event_type": "Attack", "iso3": "IND", "fatalities_low": 5, "fatalities_high": 8,
        }],
    },
    {
        "key": "two-incidents",
        "published": "2021-08-12",
        "text": (
            "Militants attacked a police checkpoint in Bannu on Wednesday night, killing two policemen, "
            "officials said.\n\nIn a separate attack, a bomb exploded near a mosque in Peshawar on Thursday "
            "morning, wounding three worshippers.\n"
        ),
        "events": [
            {"mode": "reported", "date": "2021-08-11", "event_type": "Battles", "iso3": "PAK", "fatalities": 2},
            {"mode": "reported", "date": "2021-08-12", "event_type": "Explosions/Remote violence",
             "sub_event_type": "Remote explosive/landmine/IED", "iso3": "PAK", "injuries": 3},
        ],
    },
    {
        "key": "correction-not-second-event",
        "published": "2024-04-09",
        "text": (
            "Officials initially said no one was hurt when gunmen opened fire on a bus in Mardan on "
            "Monday, but police later said three passengers were killed.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2024-04-08", "iso3": "PAK", "fatalities": 3,
            "event_type": "Violence against civilians", "disputes": True,
        }],
    },
    {
        "key": "no-event-trend",
        "published": "2024-04-09",
        "text": (
            "In recent years, militants have often attacked security forces in the region, and violence "
            "has persisted despite repeated military operations.\n"
        ),
        "events": [],
    },
    {
        "key": "gaza-airstrike-overnight",
        "published": "2024-02-11",  # a Sunday: "overnight", told on Sunday, is that day
        "text": (
            "Israeli air strikes on the southern Gaza city of Rafah killed at least 22 people overnight, including "
            "six children, Palestinian health officials said on Sunday. The Israeli military said it had struck "
            "Hamas targets in the area.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2024-02-11", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike", "iso3": "PSE", "fatalities": 22,
            "actor1": "Military Forces of Israel", "inter1": 8,
        }],
    },
    {
        "key": "ukraine-missiles",
        "published": "2023-01-15",
        "text": (
            "KYIV, Ukraine (AP) — Russian missiles slammed into an apartment building in the central city of "
            "Dnipro on Saturday, killing at least 40 people and wounding 75, Ukrainian officials said, as "
            "rescuers searched the rubble for survivors.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2023-01-14", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack", "iso3": "UKR", "fatalities": 40, "injuries": 75,
            "actor1": "Military Forces of Russia", "inter1": 8, "actor2": "Civilians (Ukraine)",
        }],
    },
    {
        "key": "india-peaceful-march",
        "published": "2024-02-14",
        "text": (
            "Thousands of farmers marched to New Delhi on Tuesday to demand guaranteed crop prices, blocking "
            "highways into the capital. The protest was peaceful, police said.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2024-02-13", "event_type": "Protests",
            "sub_event_type": "Peaceful protest", "iso3": "IND", "actor1": "Protesters (India)", "inter1": 6,
        }],
    },
    {
        "key": "kashmir-security-forces-act",
        "published": "2023-06-02",
        "text": (
            "Security forces killed five militants in a gunfight in Pulwama district of Indian-administered "
            "Kashmir on Thursday, police said. A soldier was also killed and two others were injured in the "
            "encounter.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2023-06-01", "event_type": "Battles", "sub_event_type": "Armed clash",
            "iso3": "IND", "fatalities": 6, "injuries": 2,
            "actor1": "Military Forces of India", "inter1": 1, "actor2": "Unidentified Armed Group (India)",
        }],
    },
    {
        "key": "sudan-rsf-shelling",
        "published": "2024-05-16",
        "text": (
            "The Rapid Support Forces shelled residential areas of El Fasher in Sudan's North Darfur state on "
            "Wednesday, killing 14 civilians, according to a local resistance committee.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2024-05-15", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack", "iso3": "SDN", "fatalities": 14,
            "actor1": "RSF: Rapid Support Forces", "inter1": 2, "actor2": "Civilians (Sudan)",
        }],
    },
    {
        "key": "nigeria-weekend-clashes",
        "published": "2023-05-22",  # a Monday: the weekend is 20-21 May
        "text": (
            "Clashes between herders and farmers in Plateau state in central Nigeria left at least 30 people "
            "dead over the weekend, the state governor said on Monday.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2023-05-20", "event_type": "Battles", "iso3": "NGA", "fatalities": 30,
        }],
    },
    {
        "key": "landmine-claimed-and-separate-shooting",
        "published": "2024-04-26",  # a Friday
        "text": (
            "Two police officers were killed and three others wounded when their vehicle struck a landmine in "
            "Balochistan's Kech district on Thursday, officials said.\n\nThe officers were on a routine patrol "
            "near Turbat when the device exploded, a local official told reporters.\n\nThe Baloch Liberation "
            "Front claimed responsibility for the blast in a statement.\n\nSeparately, unidentified gunmen shot "
            "dead a labourer from Punjab in Panjgur on Wednesday night, police said.\n"
        ),
        "events": [
            {"mode": "reported", "date": "2024-04-25", "event_type": "Explosions/Remote violence",
             "sub_event_type": "Remote explosive/landmine/IED", "iso3": "PAK", "fatalities": 2, "injuries": 3,
             "actor1": "BLF: Balochistan Liberation Front", "inter1": 2, "actor2": "Police Forces of Pakistan",
             "claimed_by": ["BLF: Balochistan Liberation Front"]},
            {"mode": "reported", "date": "2024-04-24", "event_type": "Violence against civilians",
             "sub_event_type": "Attack", "iso3": "PAK", "fatalities": 1,
             "actor1": "Unidentified Armed Group (Pakistan)", "actor2": "Civilians (Pakistan)"},
        ],
    },
    {
        "key": "coder-note-excessive-force",
        "published": None,  # coder-note style: the date is written in full
        "text": (
            "On 5 January 2024, Israeli forces fired tear gas and live ammunition at Palestinian demonstrators "
            "near Nablus (West Bank), injuring 4.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2024-01-05", "event_type": "Protests",
            "sub_event_type": "Excessive force against protesters", "iso3": "PSE", "injuries": 4,
            "actor1": "Protesters (Palestine)", "inter1": 6, "actor2": "Military Forces of Israel", "inter2": 8,
        }],
    },
    {
        "key": "coder-note-abduction-between-towns",
        "published": None,
        "text": (
            "On 15 January 2024, unidentified gunmen abducted 3 humanitarian workers on the road between Kidal "
            "and Gao (Mali). The victims remain missing.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2024-01-15", "event_type": "Violence against civilians",
            "sub_event_type": "Abduction/forced disappearance", "iso3": "MLI", "abducted": 3,
            "actor1": "Unidentified Armed Group (Mali)", "inter1": 3,
        }],
    },
    {
        "key": "students-gather-to-demand",
        "published": "2024-03-05",
        "text": "Hundreds of students gathered outside the parliament in Dhaka on Monday to demand the release of detained classmates.\n",
        "events": [{"mode": "reported", "date": "2024-03-04", "event_type": "Protests",
                    "sub_event_type": "Peaceful protest", "iso3": "BGD", "actor1": "Protesters (Bangladesh)"}],
    },
    {
        "key": "protesters-shot",
        "published": "2021-03-29",  # a Monday
        "text": (
            "Police shot dead two protesters and wounded dozens more as they opened fire on crowds demonstrating "
            "against the coup in Mandalay on Saturday, witnesses said.\n"
        ),
        "events": [{"mode": "reported", "date": "2021-03-27", "event_type": "Protests",
                    "sub_event_type": "Excessive force against protesters", "iso3": "MMR", "fatalities": 2,
                    "actor1": "Protesters (Myanmar)", "inter1": 6, "actor2": "Police Forces of Myanmar"}],
    },
    {
        "key": "residents-burn-police-station",
        "published": "2023-09-02",  # a Saturday
        "text": (
            "Angry residents set fire to a police station in the town of Kasese on Friday after a man died in "
            "custody, police said, adding that officers fired tear gas to disperse the mob.\n"
        ),
        "events": [{"mode": "reported", "date": "2023-09-01", "event_type": "Riots",
                    "sub_event_type": "Violent demonstration", "iso3": "UGA", "inter1": 5}],
    },
    {
        "key": "mob-lynching",
        "published": "2023-06-05",
        "text": "A mob lynched a man accused of blasphemy in Pakistan's Punjab province on Sunday, police said.\n",
        "events": [{"mode": "reported", "date": "2023-06-04", "event_type": "Riots", "sub_event_type": "Mob violence",
                    "iso3": "PAK", "fatalities": 1, "actor2": "Civilians (Pakistan)"}],
    },
    {
        "key": "summary-lede-then-two-provinces",
        "published": "2023-05-22",  # a Monday
        "text": (
            "Gunmen killed at least 20 people in a series of attacks across northwestern Nigeria over the "
            "weekend, officials said on Monday.\n\nIn Zamfara state, bandits on motorcycles stormed the village "
            "of Kadawa on Saturday and shot dead 12 villagers, a police spokesman said.\n\nIn neighbouring "
            "Katsina state, gunmen killed eight people and abducted 15 others in an overnight raid on Danmusa on "
            "Sunday, residents said.\n"
        ),
        "events": [
            {"mode": "reported", "date": "2023-05-20", "event_type": "Violence against civilians",
             "sub_event_type": "Attack", "iso3": "NGA", "fatalities": 12},
            {"mode": "reported", "date": "2023-05-21", "event_type": "Violence against civilians",
             "sub_event_type": "Abduction/forced disappearance", "iso3": "NGA", "fatalities": 8, "abducted": 15},
        ],
    },
    {
        "key": "vehicle-suicide-bomb-claimed-by-faction",
        "published": "2024-10-06",  # a Sunday
        "text": (
            "PESHAWAR, Pakistan (AP) — A suicide bomber rammed an explosives-laden vehicle into a security "
            "checkpoint in northwestern Pakistan on Saturday, killing nine soldiers and wounding 12 others, the "
            "military said.\n\nThe attack took place in North Waziristan near the Afghan border. A faction of the "
            "Pakistani Taliban, Hafiz Gul Bahadur, claimed responsibility, according to a statement sent to "
            "reporters.\n"
        ),
        "events": [{
            "mode": "reported", "date": "2024-10-05", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Suicide bomb", "iso3": "PAK", "fatalities": 9, "injuries": 12,
            "actor1": "Hafiz Gul Bahadur Group", "inter1": 2, "actor2": "Military Forces of Pakistan",
        }],
    },
    {
        "key": "mexico-bar-shooting",
        "published": "2024-03-10",  # a Sunday
        "text": (
            "MEXICO CITY (Reuters) - Gunmen killed 12 people at a bar in the central Mexican state of Guanajuato "
            "late on Saturday, local authorities said, the latest in a string of mass shootings in the violent "
            "region.\n\nThe attack took place in the city of Irapuato shortly before midnight, the state "
            "prosecutor's office said in a statement. Five people were wounded.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-03-09", "event_type": "Violence against civilians",
                    "sub_event_type": "Attack", "iso3": "MEX", "fatalities": 12, "injuries": 5,
                    "actor1": "Unidentified Armed Group (Mexico)"}],
    },
    {
        "key": "iraq-bomb-hits-army-patrol",
        "published": "2024-02-14",
        "text": (
            "BAGHDAD — A roadside bomb struck an Iraqi army patrol near the northern city of Kirkuk on Tuesday, "
            "killing two soldiers and wounding three, security officials said. No group claimed responsibility, "
            "but Islamic State militants remain active in the area.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-02-13", "event_type": "Explosions/Remote violence",
                    "sub_event_type": "Remote explosive/landmine/IED", "iso3": "IRQ", "fatalities": 2, "injuries": 3,
                    "actor1": "Unidentified Armed Group (Iraq)", "actor2": "Military Forces of Iraq", "claimed_by": []}],
    },
    {
        "key": "rockets-and-strikes-in-response",
        "published": "2024-02-15",
        "text": (
            "Hezbollah fired dozens of rockets at northern Israel on Wednesday, and Israeli warplanes struck "
            "targets in southern Lebanon in response, killing three fighters, the group said.\n"
        ),
        "events": [
            {"mode": "reported", "date": "2024-02-14", "event_type": "Explosions/Remote violence",
             "sub_event_type": "Shelling/artillery/missile attack", "iso3": "ISR", "actor1": "Hezbollah", "inter1": 2},
            {"mode": "reported", "date": "2024-02-14", "event_type": "Explosions/Remote violence",
             "sub_event_type": "Air/drone strike", "iso3": "LBN", "fatalities": 3,
             "actor1": "Military Forces of Israel", "inter1": 8},
        ],
    },
    {
        "key": "crowd-control-munitions-are-no-shelling",
        "published": "2024-03-06",
        "text": (
            "LAHORE: Police fired tear gas shells and stun grenades at hundreds of traders who marched to the "
            "Punjab Assembly in Lahore on Tuesday against new taxes, and the crowd dispersed. Several traders "
            "were hurt, their association said.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-03-05", "event_type": "Protests",
                    "sub_event_type": "Protest with intervention", "iso3": "PAK"}],
    },
    {
        "key": "intercepted-missiles-are-disrupted-weapons-use",
        "published": "2024-03-08",
        "text": (
            "Air defences shot down four missiles fired at the port city of Odesa in southern Ukraine early on "
            "Thursday, the regional governor said. No one was hurt. The air raid alert lasted an hour.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-03-07", "event_type": "Strategic developments",
                    "sub_event_type": "Disrupted weapons use", "iso3": "UKR", "fatalities": 0}],
    },
    {
        "key": "defused-bomb-is-disrupted-weapons-use",
        "published": "2024-03-12",
        "text": (
            "QUETTA: A bomb disposal squad defused a remote-controlled bomb planted beside a road in Quetta "
            "on Monday, police said. Nobody was hurt.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-03-11", "event_type": "Strategic developments",
                    "sub_event_type": "Disrupted weapons use", "iso3": "PAK"}],
    },
    {
        "key": "partly-intercepted-rockets-are-still-a-rocket-attack",
        "published": "2024-03-13",
        "text": (
            "Militants fired about 20 rockets at the Israeli town of Sderot on Tuesday evening; some were "
            "intercepted and others fell in open fields. No one was hurt.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-03-12", "event_type": "Explosions/Remote violence",
                    "sub_event_type": "Shelling/artillery/missile attack", "iso3": "ISR"}],
    },
    {
        "key": "weapons-seized-in-an-arrest-raid-are-no-bombing",
        "published": "2024-03-16",
        "text": (
            "PESHAWAR: Counter-terrorism police arrested four suspected militants and seized explosives, "
            "suicide vests and hand grenades in a raid in Mardan on Friday, a spokesman said.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-03-15", "event_type": "Strategic developments",
                    "sub_event_type": "Arrests", "iso3": "PAK"}],
    },
    {
        "key": "missile-strike-is-a-missile-attack",
        "published": "2024-03-20",
        "text": (
            "A Russian missile strike on a residential building in Kharkiv, Ukraine, killed four people on "
            "Tuesday, the regional governor said.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-03-19", "event_type": "Explosions/Remote violence",
                    "sub_event_type": "Shelling/artillery/missile attack", "iso3": "UKR", "fatalities": 4}],
    },
    {
        "key": "peaceful-march-with-no-arrests",
        "published": "2024-03-25",
        "text": (
            "NAIROBI - Thousands of teachers marched through central Nairobi, Kenya, on Monday to demand "
            "higher pay. The march dispersed peacefully in the afternoon and no arrests were reported.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-03-25", "event_type": "Protests",
                    "sub_event_type": "Peaceful protest", "iso3": "KEN"}],
    },
    {
        "key": "mob-of-villagers-attacking-homes",
        "published": "2024-03-27",
        "text": (
            "DHAKA: A mob of about 300 villagers attacked and set fire to Hindu homes in a village of "
            "Dinajpur district, Bangladesh, on Tuesday after a rumour spread on social media, police said. "
            "Five people were injured.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-03-26", "event_type": "Riots",
                    "sub_event_type": "Mob violence", "iso3": "BGD"}],
    },
    {
        "key": "follow-up-toll-report-gives-the-bombing",
        "published": "2024-04-03",  # a Wednesday
        "text": (
            "QUETTA: The death toll from Monday's bombing at a vegetable market in Quetta, Pakistan, has risen to 11, "
            "hospital officials said on Wednesday. Four of the wounded died overnight.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-04-01", "event_type": "Explosions/Remote violence",
                    "sub_event_type": "Remote explosive/landmine/IED", "iso3": "PAK", "fatalities": 11}],
    },
    {
        "key": "protesters-who-burn-buildings-are-rioters",
        "published": "2024-04-06",
        "text": (
            "LIMA - Protesters set fire to a toll booth and a police van on the Pan-American Highway near Ica, Peru, "
            "on Friday, and police fired tear gas to clear the road, officials said.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-04-05", "event_type": "Riots",
                    "sub_event_type": "Violent demonstration", "iso3": "PER"}],
    },
    {
        "key": "police-in-riot-gear-make-no-riot",
        "published": "2024-04-09",
        "text": (
            "KAMPALA - Police in riot gear detained 20 students who tried to march to Parliament in Kampala, Uganda, "
            "on Tuesday to protest against fee increases.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-04-09", "event_type": "Protests",
                    "sub_event_type": "Protest with intervention", "iso3": "UGA"}],
    },
    {
        "key": "deaths-at-an-unarmed-protest-are-excessive-force",
        "published": "2024-04-11",
        "text": (
            "CONAKRY - Security forces shot dead two young men during protests against fuel prices in Conakry, "
            "Guinea, on Wednesday, a rights group said.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-04-10", "event_type": "Protests",
                    "sub_event_type": "Excessive force against protesters", "iso3": "GIN", "fatalities": 2}],
    },
    {
        "key": "town-taken-without-a-fight-is-a-transfer",
        "published": "2024-04-13",
        "text": (
            "Rebel fighters took control of the town of Kalay in Myanmar's Sagaing region on Friday after junta troops "
            "withdrew without a fight, residents said. There were no casualties.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-04-12", "event_type": "Strategic developments",
                    "sub_event_type": "Non-violent transfer of territory", "iso3": "MMR"}],
    },
    {
        "key": "attack-on-a-checkpoint-is-a-clash",
        "published": "2024-04-16",
        "text": (
            "On 15 April, militants attacked a police checkpoint near Bannu in Khyber Pakhtunkhwa, Pakistan. "
            "Four militants were killed, police said.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-04-15", "event_type": "Battles",
                    "sub_event_type": "Armed clash", "iso3": "PAK", "fatalities": 4}],
    },
    {
        "key": "office-burnt-with-no-one-hurt-is-property-destruction",
        "published": "2024-04-18",
        "text": (
            "OWERRI - Gunmen set fire to a local government secretariat in Orsu, Imo State, Nigeria, early on "
            "Wednesday, officials said. No one was hurt.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-04-17", "event_type": "Strategic developments",
                    "sub_event_type": "Looting/property destruction", "iso3": "NGA", "fatalities": 0}],
    },
    {
        "key": "guided-aerial-bombs-are-an-air-strike",
        "published": "2024-04-21",
        "text": (
            "Russian forces dropped three guided aerial bombs on Kharkiv, Ukraine, on Sunday, killing two people, "
            "the regional governor said.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-04-21", "event_type": "Explosions/Remote violence",
                    "sub_event_type": "Air/drone strike", "iso3": "UKR", "fatalities": 2}],
    },
    {
        "key": "a-zero-toll-sentence-joins-the-grenade-attack",
        "published": "2024-11-04",
        "text": (
            "SRINAGAR: Militants hurled a grenade at a police vehicle in a market in Srinagar, India, on Sunday, "
            "officials said. No one was killed. Four passers-by were injured.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-11-03", "event_type": "Explosions/Remote violence",
                    "sub_event_type": "Grenade", "iso3": "IND", "injuries": 4}],
    },
    {
        "key": "the-police-saying-protesters-threw-stones-is-no-riot",
        "published": "2024-02-14",
        "text": (
            "AMBALA, India - Police fired tear gas and rubber bullets at thousands of farmers marching to Delhi "
            "near Ambala on Tuesday. Farm union leaders said 40 farmers were injured; police said 12 officers were "
            "hurt when protesters threw stones.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-02-13", "event_type": "Protests",
                    "sub_event_type": "Protest with intervention", "iso3": "IND"}],
    },
    {
        "key": "protesters-who-throw-stones-are-rioters",
        "published": "2024-02-14",
        "text": (
            "AMBALA, India - Farmers marching to Delhi threw stones at police near Ambala on Tuesday, and police "
            "fired tear gas to push them back, officials said.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-02-13", "event_type": "Riots",
                    "sub_event_type": "Violent demonstration", "iso3": "IND"}],
    },
{
        "key": "a-reason-with-no-date-is-no-background-event",
        "published": "2024-03-06",  # a Wednesday
        "text": (
            "ISLAMABAD - Militants fired mortar shells at a border post in Kurram district on Tuesday, killing two "
            "soldiers, the army said. The group said the attack was in response to army raids on its hideouts.\n"
        ),
        "events": [{"mode": "reported", "date": "2024-03-05", "event_type": "Explosions/Remote violence",
                    "sub_event_type": "Shelling/artillery/missile attack", "iso3": "PAK", "fatalities": 2}],
    },
    {
        "key": "deaths-in-a-collapse-are-no-event",
        "published": "2024-03-06",
        "text": (
            "DHAKA - At least 14 workers were killed when a building collapsed at a garment factory near Dhaka on "
            "Tuesday, fire officials said. Rescuers were searching the rubble.\n"
        ),
        "events": [],
    },
]
