import type { agency, membership, platformSetting, totpCredential, user } from "../schema";
import { idStream } from "./random";

/** The argon2id hash (m=19456, t=2, p=1) of DEMO_PASSWORD, shared by every demo user. */
export const DEMO_PASSWORD = "truce-demo-2026";
export const DEMO_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$L1p5A3Ql4M5ZgASxLmQOKA$axw5aLvysMRNNB7FeEBOTTKXs5ASIKU3PZMlL8ib168";

/**
 * The authenticator-app secret of the one demo user enrolled in two-factor sign-in
 * (exit.manager@truce.example), committed so that a newcomer can add it to any
 * authenticator app (it is in the README) and the browser tests can compute its codes.
 * Base32, 160 bits, as an app expects. Never use a committed secret outside the demo.
 */
export const DEMO_TOTP_SECRET = "TRUCEDEMOEXITMANAGERTOTPSECRET23";

/**
 * The demo programme's start (a platform setting): its first call-in is on 16 October 2018,
 * as Malmö's programme started that autumn.
 */
export const DEMO_PROGRAMME_STARTED_ON = "2018-10-01";

export const AGENCIES = {
  police: { name: "Malmvik Police", kind: "police" },
  social: { name: "Malmvik Social Services", kind: "social_services" },
  exit: { name: "Malmvik Exit Programme", kind: "exit_programme" },
  probation: { name: "Probation Service Malmvik", kind: "probation" },
  prosecution: { name: "Prosecution Authority Malmvik", kind: "prosecution" },
  housing: { name: "Malmvik Housing Company", kind: "housing" },
} as const satisfies Record<string, { name: string; kind: (typeof agency.$inferInsert)["kind"] }>;

export type AgencyKey = keyof typeof AGENCIES;
type Role = (typeof membership.$inferInsert)["role"];
type PlatformRole = NonNullable<(typeof user.$inferInsert)["platformRoles"]>[number];

interface DemoUserSpec {
  email: string;
  name: string;
  description: string;
  memberships: ReadonlyArray<readonly [AgencyKey, Role]>;
  platformRoles?: PlatformRole[];
  disabled?: boolean;
  /** Enrolled in two-factor sign-in with DEMO_TOTP_SECRET. */
  totp?: boolean;
}

const USERS = {
  policeStaff: {
    email: "police.staff@truce.example",
    name: "Elin Berg",
    description: "staff, police",
    memberships: [["police", "staff"]],
  },
  policeManager: {
    email: "police.manager@truce.example",
    name: "Johan Lind",
    description: "manager, police",
    memberships: [["police", "manager"]],
  },
  socialStaff: {
    email: "social.staff@truce.example",
    name: "Amira Haddad",
    description: "staff, social services",
    memberships: [["social", "staff"]],
  },
  socialManager: {
    email: "social.manager@truce.example",
    name: "Karin Ek",
    description: "manager, social services",
    memberships: [["social", "manager"]],
  },
  exitStaff: {
    email: "exit.staff@truce.example",
    name: "Daniel Nilsson",
    description: "staff, exit programme",
    memberships: [["exit", "staff"]],
  },
  exitManager: {
    email: "exit.manager@truce.example",
    name: "Sara Holm",
    description: "manager, exit programme; two-factor sign-in (TOTP, see the README)",
    memberships: [["exit", "manager"]],
    totp: true,
  },
  probationStaff: {
    email: "probation.staff@truce.example",
    name: "Mehmet Yilmaz",
    description: "staff, probation",
    memberships: [["probation", "staff"]],
  },
  probationManager: {
    email: "probation.manager@truce.example",
    name: "Lena Sjöberg",
    description: "manager, probation",
    memberships: [["probation", "manager"]],
  },
  agencyAdmin: {
    email: "agency.admin@truce.example",
    name: "Per Åkesson",
    description: "agency admin, police (no case access)",
    memberships: [["police", "agency_admin"]],
  },
  platformAdmin: {
    email: "platform.admin@truce.example",
    name: "Nora Falk",
    description: "platform admin, no agency",
    memberships: [],
    platformRoles: ["platform_admin"],
  },
  auditor: {
    email: "auditor@truce.example",
    name: "Ingrid Dahl",
    description: "auditor (data protection officer), no agency",
    memberships: [],
    platformRoles: ["auditor"],
  },
  coordinator: {
    email: "coordinator@truce.example",
    name: "Fatima Osman",
    description: "staff in both social services and the exit programme (switch the active agency)",
    memberships: [
      ["social", "staff"],
      ["exit", "staff"],
    ],
  },
  disabled: {
    email: "disabled@truce.example",
    name: "Viktor Strand",
    description: "disabled account (staff, social services): cannot sign in",
    memberships: [["social", "staff"]],
    disabled: true,
  },
} as const satisfies Record<string, DemoUserSpec>;

export type UserKey = keyof typeof USERS;

/** Every demo user, to print at start-up and list in the README; all share DEMO_PASSWORD. */
export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; description: string }> =
  Object.values(USERS).map(({ email, name, description }) => ({ email, name, description }));

/** The agencies whose members do the case work in the demo. */
export const CASE_AGENCIES = ["police", "social", "exit", "probation"] as const;
export type CaseAgencyKey = (typeof CASE_AGENCIES)[number];

/** Who does the case work of each agency (caseload owners, note authors), staff first. */
export const STAFF_OF: Record<CaseAgencyKey, readonly UserKey[]> = {
  police: ["policeStaff", "policeManager"],
  social: ["socialStaff", "coordinator", "socialManager"],
  exit: ["exitStaff", "coordinator", "exitManager"],
  probation: ["probationStaff", "probationManager"],
};

/** The user who records an agency's work in the demo; none for agencies without demo users. */
export function recorderOf(org: Organisation, agency: AgencyKey): string | null {
  const staff = (STAFF_OF as Partial<Record<AgencyKey, readonly UserKey[]>>)[agency]?.[0];
  return staff ? org.userId[staff] : null;
}

export const MANAGER_OF: Record<CaseAgencyKey, UserKey> = {
  police: "policeManager",
  social: "socialManager",
  exit: "exitManager",
  probation: "probationManager",
};

export interface Organisation {
  agencies: (typeof agency.$inferInsert)[];
  users: (typeof user.$inferInsert)[];
  memberships: (typeof membership.$inferInsert)[];
  totpCredentials: (typeof totpCredential.$inferInsert)[];
  /**
   * Both two-factor requirements off, so every demo user can sign in with the password
   * alone; a database without this row (a real server) requires two-factor sign-in.
   */
  platformSetting: typeof platformSetting.$inferInsert;
  agencyId: Record<AgencyKey, string>;
  userId: Record<UserKey, string>;
}

/** The programme's agencies, the demo users and their memberships. */
export function buildOrganisation(): Organisation {
  const nextAgencyId = idStream("agency");
  const nextUserId = idStream("user");
  const nextMembershipId = idStream("membership");
  const created = new Date("2018-01-08T09:00:00Z");

  const agencyId = {} as Record<AgencyKey, string>;
  const agencies = (Object.keys(AGENCIES) as AgencyKey[]).map((key) => {
    agencyId[key] = nextAgencyId();
    return { id: agencyId[key], ...AGENCIES[key], createdAt: created, updatedAt: created };
  });

  const userId = {} as Record<UserKey, string>;
  const users: Organisation["users"] = [];
  const memberships: Organisation["memberships"] = [];
  const totpCredentials: Organisation["totpCredentials"] = [];
  for (const key of Object.keys(USERS) as UserKey[]) {
    const spec: DemoUserSpec = USERS[key];
    userId[key] = nextUserId();
    users.push({
      id: userId[key],
      email: spec.email,
      name: spec.name,
      passwordHash: DEMO_PASSWORD_HASH,
      disabled: spec.disabled ?? false,
      platformRoles: spec.platformRoles ?? [],
      createdAt: created,
      updatedAt: created,
    });
    if (spec.totp) {
      totpCredentials.push({
        userId: userId[key],
        secret: DEMO_TOTP_SECRET,
        confirmedAt: created,
        createdAt: created,
        updatedAt: created,
      });
    }
    for (const [agencyKey, role] of spec.memberships) {
      memberships.push({
        id: nextMembershipId(),
        userId: userId[key],
        agencyId: agencyId[agencyKey],
        role,
        createdAt: created,
        updatedAt: created,
      });
    }
  }
  const platformSetting = {
    id: 1,
    mfaRequiredForAdmins: false,
    mfaRequiredForEveryone: false,
    programmeStartedOn: DEMO_PROGRAMME_STARTED_ON,
    createdAt: created,
    updatedAt: created,
  };
  return { agencies, users, memberships, totpCredentials, platformSetting, agencyId, userId };
}
