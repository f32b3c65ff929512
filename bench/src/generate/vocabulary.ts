// Invented names, places and texts for the benchmark's data: a fictional country of cities
// like the demo's Malmvik. Any likeness to real people, groups or places is accidental.

export const CITIES = [
  "Malmvik",
  "Norrhamn",
  "Västerby",
  "Ekslätt",
  "Sundmora",
  "Borgvik",
  "Hällestad",
  "Kronvall",
  "Ljusdalen",
  "Strömsvik",
  "Åkerlund",
  "Tornby",
  "Grävlinge",
  "Husaby",
  "Fjällmora",
  "Skärby",
  "Lövnäs",
  "Björkhamn",
  "Runsala",
  "Dalstorp",
] as const;

export const QUARTERS = [
  "Centrum",
  "Norra Fältet",
  "Södra Höjden",
  "Östra Hamnen",
  "Västra Parken",
  "Kvarnbacken",
  "Stenlunda",
  "Ängsmark",
] as const;

export const GIVEN_NAMES = [
  "Adam",
  "Ahmed",
  "Ali",
  "Alexander",
  "Amir",
  "Anton",
  "Arvid",
  "Bilal",
  "Burak",
  "Daniel",
  "Dario",
  "David",
  "Edin",
  "Elias",
  "Emil",
  "Erik",
  "Filip",
  "Hamza",
  "Hugo",
  "Ibrahim",
  "Idris",
  "Isak",
  "Jamal",
  "Jonas",
  "Kenan",
  "Khalid",
  "Leo",
  "Liam",
  "Lucas",
  "Marko",
  "Mattias",
  "Milan",
  "Mohammed",
  "Musa",
  "Nabil",
  "Nikola",
  "Noah",
  "Omar",
  "Oscar",
  "Rami",
  "Robin",
  "Said",
  "Samir",
  "Sebastian",
  "Tarik",
  "Theo",
  "Viktor",
  "William",
  "Yasin",
  "Yusuf",
  "Zakaria",
  "Amina",
  "Sara",
  "Leila",
  "Hanna",
  "Nour",
] as const;

/** Common family names: together about 60 % of the people. */
export const COMMON_FAMILY_NAMES = [
  "Abdi",
  "Alić",
  "Andersson",
  "Aziz",
  "Begić",
  "Çelik",
  "Dahlqvist",
  "Demir",
  "Ekström",
  "Fredriksson",
  "Hadžić",
  "Hamid",
  "Husić",
  "Isaksson",
  "Jovanović",
  "Karlsson",
  "Kaya",
  "Khalil",
  "Lindqvist",
  "Mahmoud",
  "Marković",
  "Mohamud",
  "Mustafa",
  "Nilsson",
  "Nordin",
  "Osman",
  "Persson",
  "Petrović",
  "Qasim",
  "Rahimi",
  "Rashid",
  "Saleh",
  "Şahin",
  "Tahir",
  "Vuković",
  "Warsame",
  "Yildiz",
  "Yousef",
  "Zubair",
  "Okafor",
] as const;

/** Parts of the rarer family names (prefix + suffix): the other 40 %. */
export const FAMILY_PREFIXES = [
  "Alm",
  "Björk",
  "Dal",
  "Ek",
  "Fors",
  "Gran",
  "Hag",
  "Kvarn",
  "Lind",
  "Lund",
  "Moss",
  "Näs",
  "Ros",
  "Sjö",
  "Sten",
  "Tall",
  "Vik",
  "Ås",
] as const;

export const FAMILY_SUFFIXES = [
  "berg",
  "blad",
  "borg",
  "dahl",
  "gren",
  "holm",
  "kvist",
  "man",
  "ström",
  "sten",
  "vall",
  "ås",
] as const;

/** Street names some people are known by. */
export const STREET_NAMES = [
  "Lillen",
  "Spöket",
  "Kungen",
  "Tysken",
  "Blixten",
  "Snuten",
  "Ugglan",
  "Räven",
  "Tanken",
  "Kobran",
  "Smeden",
  "Vargen",
] as const;

export const GROUP_WORDS = [
  "Boys",
  "Crew",
  "Nätverket",
  "Familjen",
  "Ligan",
  "Squad",
  "Brödraskap",
  "Blocket",
  "Gänget",
  "Söner",
] as const;

export const REASONS = {
  group_member: [
    "Identified as a member of a violent group in two independent police reports.",
    "Suspected in a shooting linked to an ongoing group conflict.",
    "Seen carrying a firearm with known group members; confirmed by intelligence review.",
    "Convicted of a weapons offence committed for a violent group.",
  ],
  associate: [
    "Repeatedly present at group meetings; supplies vehicles to group members.",
    "Close associate of a core group member; stores items for the group.",
  ],
  victim: [
    "Injured in a shooting linked to a group conflict; risk of retaliation.",
    "Threatened by a violent group after a debt dispute.",
  ],
  witness: ["Witness to a shooting linked to a group conflict; under threat."],
} as const;

export const NOTE_FACTS = [
  "Met at the youth centre; said he wants to finish school.",
  "Home visit: mother present, the family asked for help with housing.",
  "Seen with two core members of the group outside the shopping centre.",
  "Attended the call-in and took the support card.",
  "Missed the appointment at the job centre; rebooked for next week.",
  "Moved to a relative's flat in another district.",
  "Called in to report threats received after the latest shooting.",
] as const;

export const NOTE_ASSESSMENTS = [
  "Motivated to leave but afraid of retaliation; keep contact weekly.",
  "Risk of escalation is high while the conflict lasts.",
  "Influenced by an older brother; support the family as a whole.",
  "Responds well to the mentor; consider an exit programme referral.",
  "Unlikely to accept support at this point; try again after the trial.",
] as const;

export const INTERVENTION_SUMMARIES = {
  call_in: "Call-in with the group's members: the message, the offer and the consequences.",
  custom_notification: "A personal message about the risks and the offer of support.",
  home_visit: "Home visit with the family.",
  support_offer: "Offered a place in the exit programme.",
  mediation: "Mediation between the two sides.",
  enforcement: "Enforcement against the group after the latest incident.",
} as const;

export const RESULTS = [
  "Accepted the offer; first meeting booked.",
  "Listened, did not commit to anything.",
  "Refused to talk.",
  "Agreed to meet again next month.",
] as const;

/** Why a conflict's status or risk changed (conflict_change.reason). */
export const CHANGE_REASONS = [
  "Shots fired between the sides.",
  "A threat posted online against the other side.",
  "Both sides met the mediators.",
  "No incident for several months.",
  "A leader was arrested.",
  "Retaliation expected after an assault.",
] as const;

export const TASK_TITLES = [
  "Follow up after the call-in",
  "Book a meeting with the family",
  "Check the housing application",
  "Prepare the registration review",
  "Call the probation officer",
  "Update the risk assessment",
] as const;

export const FLAG_REASONS = {
  retaliation_risk: "Named as a target after the latest shooting.",
  threat_to_staff: "Threatened a social worker during a home visit.",
  other: "Carries a knife according to two recent reports.",
} as const;

export const SPEAKER_ROLES = [
  ["Chief of police", "police"],
  ["Head of social services", "social_services"],
  ["Exit programme coach", "exit_programme"],
  ["Mother of a victim", null],
  ["Former group member", null],
] as const;

export const SPEAKER_NAMES = [
  "Anna Lund",
  "Björn Sund",
  "Camilla Ek",
  "Dragan Ilić",
  "Eva Strand",
  "Farid Nasser",
] as const;
