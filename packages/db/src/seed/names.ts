// Invented names and places for the demo: a fictional, Malmö-like city ("Malmvik").
// Any likeness to real people, groups or places is accidental.

export const CITY = "Malmvik";

export const DISTRICTS = [
  "Granängen",
  "Lärkbacken",
  "Sjöstaden",
  "Ekhöjden",
  "Tallbo",
  "Västra Kajen",
  "Hagalund Syd",
  "Kvarnåsen",
] as const;

export const GIVEN_NAMES = [
  "Adam",
  "Ahmed",
  "Ali",
  "Alexander",
  "Amir",
  "Anton",
  "Arvid",
  "Ayub",
  "Bilal",
  "Burak",
  "Daniel",
  "Dario",
  "David",
  "Denis",
  "Edin",
  "Elias",
  "Emil",
  "Emir",
  "Erik",
  "Farah",
  "Filip",
  "Hamza",
  "Hassan",
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
  "Nermin",
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
] as const;

export const FAMILY_NAMES = [
  "Abdi",
  "Alić",
  "Andersson",
  "Aziz",
  "Bakr",
  "Begić",
  "Berglund",
  "Çelik",
  "Dahlqvist",
  "Demir",
  "Ekström",
  "Farah",
  "Fredriksson",
  "Hadžić",
  "Hamid",
  "Hassan",
  "Hedlund",
  "Husić",
  "Isaksson",
  "Jovanović",
  "Karlsson",
  "Kaya",
  "Khalil",
  "Lindqvist",
  "Ljungberg",
  "Mahmoud",
  "Marković",
  "Mohamud",
  "Mustafa",
  "Nilsson",
  "Nordin",
  "Nur",
  "Osman",
  "Öberg",
  "Persson",
  "Petrović",
  "Qasim",
  "Rahimi",
  "Rashid",
  "Saleh",
  "Sandberg",
  "Şahin",
  "Sundström",
  "Tahir",
  "Vuković",
  "Wallin",
  "Warsame",
  "Yildiz",
  "Yousef",
  "Zubair",
] as const;

export interface GroupSpec {
  name: string;
  aliases: string[];
  area: (typeof DISTRICTS)[number];
  status: "active" | "dormant" | "dissolved";
}

export const GROUPS: readonly GroupSpec[] = [
  { name: "Granängen Boys", aliases: ["GB", "Ängen"], area: "Granängen", status: "active" },
  { name: "Kajen Crew", aliases: ["KC"], area: "Västra Kajen", status: "active" },
  { name: "Lärk 21", aliases: ["L21", "Lärkarna"], area: "Lärkbacken", status: "active" },
  { name: "Tallbo Familjen", aliases: ["Familjen"], area: "Tallbo", status: "active" },
  { name: "Sjöstads Squad", aliases: ["SSQ"], area: "Sjöstaden", status: "active" },
  { name: "Ekhöjd Nätverket", aliases: ["Höjden"], area: "Ekhöjden", status: "active" },
  { name: "Kvarnåsligan", aliases: ["Kvarnen"], area: "Kvarnåsen", status: "active" },
  { name: "Hagalund Brödraskap", aliases: ["HB"], area: "Hagalund Syd", status: "dormant" },
  { name: "Östra Blocket", aliases: ["Blocket"], area: "Granängen", status: "dormant" },
  { name: "Hamnens Söner", aliases: ["Söner"], area: "Västra Kajen", status: "dissolved" },
];

export interface ConflictSpec {
  title: string;
  /** Indexes into GROUPS, one list per side. */
  sides: [number[], number[]];
  status: "latent" | "active" | "escalating" | "mediated" | "resolved";
  riskLevel: "low" | "medium" | "high" | "critical";
  startedOn: string;
  resolvedOn: string | null;
  /**
   * How its status and risk came to be what they are: the state it was recorded in, then
   * each change, by whom and why; the last is the conflict's status and risk now.
   */
  history: ReadonlyArray<{
    on: string;
    status: ConflictSpec["status"];
    riskLevel: ConflictSpec["riskLevel"];
    by: "policeStaff" | "policeManager" | "exitStaff";
    reason: string | null;
  }>;
}

export const CONFLICTS: readonly ConflictSpec[] = [
  {
    title: "Granängen Boys vs Kajen Crew",
    sides: [[0], [1]],
    status: "escalating",
    riskLevel: "critical",
    startedOn: "2016-09-14",
    resolvedOn: null,
    history: [
      { on: "2018-01-10", status: "active", riskLevel: "high", by: "policeStaff", reason: null },
      {
        on: "2018-09-03",
        status: "escalating",
        riskLevel: "high",
        by: "policeStaff",
        reason: "Two shootings between the groups within a week.",
      },
      {
        on: "2019-04-12",
        status: "escalating",
        riskLevel: "critical",
        by: "policeManager",
        reason: "A hand grenade at a member's door; retaliation expected.",
      },
    ],
  },
  {
    title: "Lärk 21 vs Tallbo Familjen",
    sides: [[2], [3, 9]],
    status: "active",
    riskLevel: "high",
    startedOn: "2017-03-02",
    resolvedOn: null,
    history: [
      { on: "2018-01-10", status: "latent", riskLevel: "medium", by: "policeStaff", reason: null },
      {
        on: "2018-06-20",
        status: "active",
        riskLevel: "high",
        by: "policeStaff",
        reason: "Shots fired at Tallbo Familjen's meeting place.",
      },
    ],
  },
  {
    title: "Sjöstaden split",
    sides: [[4], [5]],
    status: "mediated",
    riskLevel: "medium",
    startedOn: "2017-11-20",
    resolvedOn: null,
    history: [
      { on: "2018-01-10", status: "active", riskLevel: "high", by: "policeStaff", reason: null },
      {
        on: "2019-03-15",
        status: "mediated",
        riskLevel: "medium",
        by: "exitStaff",
        reason: "Both sides met the exit programme's mediators and agreed to keep apart.",
      },
    ],
  },
  {
    title: "Kvarnåsen drug market",
    sides: [[6], [0, 8]],
    status: "active",
    riskLevel: "high",
    startedOn: "2018-05-07",
    resolvedOn: null,
    history: [
      { on: "2018-05-07", status: "active", riskLevel: "medium", by: "policeStaff", reason: null },
      {
        on: "2019-10-01",
        status: "active",
        riskLevel: "high",
        by: "policeManager",
        reason: "Dealers threatened at the square; a firearm seized.",
      },
    ],
  },
  {
    title: "Hagalund feud",
    sides: [[7], [3]],
    status: "resolved",
    riskLevel: "low",
    startedOn: "2016-04-11",
    resolvedOn: "2019-02-28",
    history: [
      { on: "2018-01-10", status: "active", riskLevel: "medium", by: "policeStaff", reason: null },
      {
        on: "2018-11-05",
        status: "mediated",
        riskLevel: "medium",
        by: "exitStaff",
        reason: "Mediation between the two families.",
      },
      {
        on: "2019-02-28",
        status: "resolved",
        riskLevel: "low",
        by: "policeStaff",
        reason: "No incident for a year; the families settled.",
      },
    ],
  },
  {
    title: "Harbour debts",
    sides: [[1], [2]],
    status: "latent",
    riskLevel: "medium",
    startedOn: "2019-06-01",
    resolvedOn: null,
    history: [
      { on: "2019-06-01", status: "latent", riskLevel: "medium", by: "policeStaff", reason: null },
    ],
  },
];

/** Pairs of indexes into GROUPS. */
export const ALLIANCES: ReadonlyArray<{
  groups: [number, number];
  fromOn: string;
  toOn: string | null;
}> = [
  { groups: [0, 8], fromOn: "2017-01-15", toOn: null },
  { groups: [3, 9], fromOn: "2016-06-01", toOn: "2019-08-31" },
  { groups: [1, 2], fromOn: "2018-02-01", toOn: "2019-05-31" },
  { groups: [4, 6], fromOn: "2019-01-10", toOn: null },
];
