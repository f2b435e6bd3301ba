/** Word lists for synthetic interviews: function words, words of the trade, and the long tail the index grows with. */
import type { Random } from "./prng.ts";

/** The words of a space- or newline-separated list. */
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
/** The entries of a comma-separated list. */
const phrases = (text: string): string[] => text.replace(/\s+/g, " ").split(", ");

/** The glue of English prose, most frequent first. */
export const FUNCTION_WORDS = words(`the of and to a in that is it for i was on with as be this have are at but not
you we they so or what by from an do if about more all can there when which their one my would some them like just
also been how our into very because out up had then were much these time those other more than who really most it's
i'm we're don't lot things way think make get know see going well even over where work only new people should could
might good first many any both each every often still never always same through while here after before most`);

/** Words of the trade that Staff+ interviews keep coming back to. */
export const DOMAIN_WORDS = words(`engineer engineering staff principal distinguished architect architecture team
teams manager management director leadership leader lead technical strategy vision roadmap project projects migration
migrations platform infrastructure reliability incident incidents outage postmortem oncall latency throughput database
databases schema index indexes shard sharding replication cache caching queue queues service services microservices
monolith api apis interface contract deploy deployment release rollout rollback feature flags testing tests coverage
review reviews design document documents proposal proposals rfc decision decisions tradeoff tradeoffs consensus
alignment stakeholder stakeholders sponsor sponsorship mentor mentoring mentorship coaching career promotion
promotions level levels ladder calibration performance feedback growth impact scope ambiguity influence trust
credibility visibility writing communication meeting meetings calendar focus deep planning estimation deadline
priorities prioritization backlog sprint quarter annual goals okrs metrics dashboards observability monitoring
alerting logging tracing security privacy compliance cost efficiency capacity scaling scale growth customers product
users experience quality debt refactor rewrite legacy modernization cloud kubernetes containers serverless storage
network networking compute pipeline pipelines batch streaming data analytics warehouse lake machine learning model
models search ranking payments billing ledger fraud risk mobile frontend backend tooling compiler typechecker language
languages ruby python java golang rust javascript typescript build builds ci continuous integration developer
productivity velocity onboarding hiring interview interviews recruiting culture values organization org reorg
headcount budget executive executives vp cto ceo founder startup enterprise acquisition consultant glue sponsor tech
debt oncall runbook automation toolchain framework frameworks library libraries open source community conference talk
blog newsletter book books reading learning failure success mistake lesson lessons advice patience empathy judgment
taste context clarity simplicity complexity abstraction boundaries ownership accountability autonomy delegation
escalation negotiation persuasion narrative memo memos review committee forum guild working group council charter
mandate`);

const ONSETS = words("b br c ch cl d dr f fl g gr h j k l m n p pl qu r s sh st t th tr v w z");
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"];
const CODAS = ["", "", "n", "r", "l", "s", "t", "m", "nd", "rk", "st", "x", "ng"];

/** A pronounceable made-up word of 2 to 4 syllables, for the long tail and for names. */
export function pseudoWord(random: Random, minSyllables = 2, maxSyllables = 4): string {
  const syllables = random.int(minSyllables, maxSyllables);
  let word = "";
  for (let i = 0; i < syllables; i++) word += random.pick(ONSETS) + random.pick(VOWELS) + random.pick(CODAS);
  return word;
}

/** "word" -> "Word". */
export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The rare-word tail: many distinct words, each used by few stories (like names, jargon, typos). */
export function longTail(random: Random, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) words.add(pseudoWord(random, 1, 3));
  return [...words];
}

export const FIRST_NAMES = words(`Aisha Alex Amara Ana Andrea Arjun Ben Bianca Carlos Chen Chloe Dana Daniel Deepa
Diego Elena Emeka Eva Fatima Felix Grace Hana Hugo Ines Ivan Jamal Jana Jorge Julia Kai Kenji Lars Leila Lina Luca
Maya Mei Mohamed Nadia Nia Noah Olga Omar Priya Rafael Rhea Rosa Sam Sara Sofia Tariq Tess Theo Uma Victor Wei Yara
Yusuf Zoe`);

export const ROLES =
  phrases(`Staff Engineer, Senior Staff Engineer, Principal Engineer, Distinguished Engineer, Staff Software Engineer,
Principal Architect, Technical Lead, Staff Data Engineer, Staff Security Engineer, Fellow`);

export const TOPICS =
  phrases(`Architecture, Sponsorship, Promotion, Mentorship, Writing, Strategy, Migrations, Reliability, Incidents,
Hiring, Culture, Technical Debt, Platform Teams, Career Ladders, Decision Making, Influence, Staff Projects, Glue
Work, Onboarding, Performance Reviews, Observability, Security, Data Infrastructure, Developer Productivity, Open
Source, Remote Work, Management Transition, Burnout, Focus Time, Estimation, Design Reviews, Roadmaps, Calibration,
Consensus, Public Speaking`);

/** Questions in the shape staffeng.com asks them; some are reused, some are per-story variants. */
export const QUESTIONS = [
  "Tell us a little about your current role: where do you work, your title and generally the sort of work you and your team do.",
  "What does a normal Staff-plus engineer do at your company? Does your role look that way or does it differ?",
  "How do you spend your time day-to-day?",
  "Where do you feel most impactful as a Staff-plus engineer?",
  "Can you think of anything you've done as a Staff-plus engineer that you weren't able to do before reaching that title?",
  "Do you spend time advocating for technology, practice, process or architectural change?",
  "How do you keep your technical skills sharp while spending less time writing code?",
  "What's something you've learned the hard way about leading without authority?",
  "How did you decide between the manager path and the engineer path?",
  "What does sponsorship look like for you, and who sponsored you?",
  "How do you choose which projects to work on?",
  "What's the most useful thing your manager does for you?",
  "Tell us about a migration you led and what you would do differently.",
  "How do you write a design document that people actually read?",
  "What does your calendar look like in a good week?",
  "How do you handle disagreement with another senior engineer?",
  "What advice would you give someone who wants to reach Staff?",
  "Is there a book, talk or person that changed how you work?",
  "How do you measure your own impact when the work is invisible?",
  "What's a mistake you made after becoming Staff, and what did it teach you?",
  "How does your company calibrate promotions to Staff and above?",
  "How do you help your organization make a hard technical decision?",
  "What do you do in your first ninety days on a new team?",
  "How do you stay close to the code base of a large organization?",
  "Where do you find the time for deep, focused work?",
];
