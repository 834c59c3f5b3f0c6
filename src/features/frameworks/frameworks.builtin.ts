import type { Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/db/clock';
import type { FrameworkDocument, SkillContent } from './frameworks.interchange';
import * as q from './frameworks.queries';
import { DEFAULT_LEVELS } from './frameworks.schemas';

// The frameworks Waymark installs in every organisation. Written for Waymark: the leadership
// framework's domains follow the headings of England's Headteachers' standards (2020) and the
// associate-staff framework follows the themes of the CMI management and leadership standard,
// but the skills, descriptions and descriptors are our own words, not the standards' text.

/** A skill with descriptors for the three default levels, in order: middle, senior, headship. */
function skill(code: string, title: string, description: string, [middle, senior, headship]: [string, string, string]): SkillContent {
  return { code, title, description, descriptors: { middle, senior, headship } };
}

export interface BuiltInFramework {
  /** Stored as frameworks.builtin_key; what makes installing idempotent. */
  key: string;
  document: FrameworkDocument;
}

const leadership: FrameworkDocument = {
  title: 'School leadership framework',
  description:
    'Waymark’s framework for teaching and associate staff who lead, or want to lead. Its domains follow the headings of England’s Headteachers’ standards (2020), plus personal effectiveness; the skills and descriptors are written by Waymark.',
  track: 'both',
  levels: DEFAULT_LEVELS,
  domains: [
    {
      title: 'Ethics and professional conduct',
      description: 'Acting with integrity and keeping the duties that come with leading in a school.',
      skills: [
        skill('EP1', 'Acting with integrity', 'Makes fair, honest and open decisions and stands by them under pressure.', [
          'Is honest and fair with their team and speaks up when something is not right.',
          'Sets clear expectations of conduct across their area and deals with lapses promptly.',
          'Sets the ethical tone of the whole school and answers for how it behaves.',
        ]),
        skill('EP2', 'Keeping pupils safe', 'Puts safeguarding first and knows the legal and professional duties of their role.', [
          'Follows safeguarding procedures without fail and makes sure their team does too.',
          'Checks that safeguarding systems work in practice across a phase or area.',
          'Leads a culture where everyone sees safeguarding as their job and concerns are always acted on.',
        ]),
        skill('EP3', 'Serving the community', 'Keeps the interests of pupils and the wider community at the heart of decisions.', [
          'Thinks about how team decisions affect pupils and families, not only the team.',
          'Weighs the needs of different groups fairly when planning across the school.',
          'Makes the school a trusted institution that serves its whole community.',
        ]),
      ],
    },
    {
      title: 'School culture',
      description: 'Creating a calm, ambitious and inclusive place to learn and work.',
      skills: [
        skill('SC1', 'Setting high expectations', 'Holds ambitious expectations for every pupil and adult and makes them visible day to day.', [
          'Makes the school’s expectations clear and consistent in their own team.',
          'Aligns expectations across teams so pupils meet the same standards everywhere.',
          'Defines the school’s values and expectations and keeps them alive in everyday practice.',
        ]),
        skill('SC2', 'Building an inclusive community', 'Makes sure every pupil and member of staff feels they belong and is treated with respect.', [
          'Notices who is left out in their team or classes and acts on it.',
          'Uses information about different groups to remove barriers across the school.',
          'Builds a school where inclusion shapes policy, recruitment and the curriculum.',
        ]),
        skill('SC3', 'Looking after staff wellbeing', 'Keeps workload reasonable and treats staff time and wellbeing as worth protecting.', [
          'Plans team tasks so they do not add needless work, and checks in on colleagues.',
          'Reviews the workload that systems and policies create and cuts what is not needed.',
          'Makes staff wellbeing a standing part of how the school makes decisions.',
        ]),
      ],
    },
    {
      title: 'Teaching',
      description: 'Understanding what makes teaching work and helping every teacher improve.',
      skills: [
        skill('TE1', 'Knowing what effective teaching looks like', 'Uses evidence about how pupils learn to judge and talk about teaching.', [
          'Explains to colleagues why a teaching approach works, drawing on evidence.',
          'Builds a shared picture of effective teaching across departments or phases.',
          'Makes sure the school’s approach to teaching rests on sound evidence.',
        ]),
        skill('TE2', 'Improving teaching', 'Helps teachers get better through observation, feedback and practice.', [
          'Gives colleagues specific, useful feedback after seeing their teaching.',
          'Runs a programme of observation and coaching that lifts teaching across an area.',
          'Creates the conditions, time and priorities for every teacher to keep improving.',
        ]),
      ],
    },
    {
      title: 'Curriculum and assessment',
      description: 'Planning what pupils learn and knowing how well they have learned it.',
      skills: [
        skill('CA1', 'Planning a coherent curriculum', 'Sequences knowledge and skills so pupils build on what they already know.', [
          'Plans a subject or year group’s curriculum in a logical, well-resourced order.',
          'Makes sure curricula connect across subjects and phases without gaps or repeats.',
          'Sets the ambition and shape of the whole curriculum and checks it is taught as planned.',
        ]),
        skill('CA2', 'Using assessment well', 'Uses assessment to find out what pupils know and to adapt teaching.', [
          'Uses assessment in their team to spot gaps and plan what to teach next.',
          'Keeps assessment across the school purposeful, reliable and light on workload.',
          'Makes sure assessment information leads to action and is reported honestly.',
        ]),
        skill('CA3', 'Promoting reading', 'Treats reading as the key to the whole curriculum and acts on it.', [
          'Builds reading into their subject or classes and supports weaker readers.',
          'Leads a consistent approach to reading and literacy across an area of the school.',
          'Makes reading a whole-school priority with time, training and resources behind it.',
        ]),
      ],
    },
    {
      title: 'Behaviour',
      description: 'Making behaviour calm, safe and consistent so that everyone can learn.',
      skills: [
        skill('BE1', 'Establishing consistent routines', 'Builds clear routines that pupils and staff follow every day.', [
          'Uses the school’s routines consistently and helps colleagues in their team to do so.',
          'Checks routines are applied the same way across the school and closes gaps.',
          'Designs the school’s behaviour approach and makes sure everyone upholds it.',
        ]),
        skill('BE2', 'Responding to behaviour fairly', 'Deals with poor behaviour fairly, and looks for and tackles its causes.', [
          'Handles incidents calmly and fairly and follows up with pupils and families.',
          'Uses behaviour information to spot patterns and put support in place.',
          'Balances high standards with support so that exclusion is a last resort.',
        ]),
      ],
    },
    {
      title: 'Additional and special educational needs',
      description: 'Making sure pupils with additional needs and disabilities get what they need to thrive.',
      skills: [
        skill('SE1', 'Identifying needs early', 'Notices when a pupil may have an additional need and acts quickly.', [
          'Recognises signs of need in their classes or team and refers them promptly.',
          'Makes sure systems across an area identify needs early and consistently.',
          'Gives the school a culture and systems in which needs are spotted and met early.',
        ]),
        skill('SE2', 'Adapting teaching and support', 'Adapts teaching and support so that pupils with additional needs can succeed.', [
          'Adapts their own and their team’s teaching for pupils with identified needs.',
          'Plans and reviews provision for pupils with additional needs across the school.',
          'Puts enough resource and expertise behind provision and answers for its impact.',
        ]),
        skill('SE3', 'Working with families and specialists', 'Works openly with families and outside specialists to plan support.', [
          'Keeps families informed and involved in the support their child gets.',
          'Coordinates the work of specialists and staff around individual pupils.',
          'Builds lasting partnerships with services and agencies that support pupils.',
        ]),
      ],
    },
    {
      title: 'Professional development',
      description: 'Making sure staff keep learning, and growing the school’s future leaders.',
      skills: [
        skill('PD1', 'Planning development that lasts', 'Plans professional development that changes practice, not just attendance.', [
          'Plans team development that is focused, sustained and followed up.',
          'Designs development across the school around its priorities and evidence.',
          'Makes professional development for all staff a strategic priority with time to match.',
        ]),
        skill('PD2', 'Growing future leaders', 'Spots and develops potential leaders among teaching and associate staff.', [
          'Gives colleagues in their team chances to lead and supports them when they do.',
          'Builds routes for staff to step up, including acting-up and project roles.',
          'Plans for succession and makes the school a place where leaders are grown.',
        ]),
      ],
    },
    {
      title: 'Organisational management',
      description: 'Running the school’s people, money, time and buildings well.',
      skills: [
        skill('OM1', 'Managing budgets and resources', 'Uses money, staff and materials efficiently for the most benefit to pupils.', [
          'Manages a team budget and resources carefully and within limits.',
          'Plans resources across an area against priorities and reviews value for money.',
          'Sets a balanced budget that serves the school’s priorities over several years.',
        ]),
        skill('OM2', 'Planning and organising work', 'Plans work with clear priorities, timelines and responsibilities.', [
          'Plans team work so that deadlines are met and tasks are clear.',
          'Coordinates calendars, staffing and processes across the school.',
          'Designs structures and systems that let the school run smoothly.',
        ]),
        skill('OM3', 'Managing risk and safety', 'Spots risks early and keeps the school and its people safe.', [
          'Assesses risks in their own activities and follows safety procedures.',
          'Keeps risk registers and health and safety arrangements up to date for an area.',
          'Answers for the school’s management of risk, from the site to data protection.',
        ]),
      ],
    },
    {
      title: 'School improvement',
      description: 'Knowing the school well and making changes that last.',
      skills: [
        skill('SI1', 'Evaluating accurately', 'Uses evidence to form an honest view of strengths and weaknesses.', [
          'Evaluates their team’s work honestly using data and what they see.',
          'Leads self-evaluation of an area and turns it into clear priorities.',
          'Holds an accurate view of the whole school and shares it openly.',
        ]),
        skill('SI2', 'Carrying out improvement well', 'Plans improvement carefully, carries it through and checks its impact.', [
          'Carries out an improvement in their team and checks whether it worked.',
          'Leads an improvement across the school, adjusting it as evidence comes in.',
          'Chooses a few priorities for the school and sees them through to lasting change.',
        ]),
      ],
    },
    {
      title: 'Working in partnership',
      description: 'Working with families, other schools and organisations for pupils’ benefit.',
      skills: [
        skill('WP1', 'Working with parents and carers', 'Builds trusting, two-way relationships with families.', [
          'Communicates clearly and promptly with the families of pupils they teach or support.',
          'Plans how the school involves families in learning across a phase or area.',
          'Makes the school welcoming and responsive to every family.',
        ]),
        skill('WP2', 'Collaborating beyond the school', 'Learns from and contributes to other schools and organisations.', [
          'Takes part in networks or joint work with colleagues in other schools.',
          'Leads joint projects with other schools or organisations.',
          'Shapes partnerships across a trust or area and contributes to the wider system.',
        ]),
      ],
    },
    {
      title: 'Governance and accountability',
      description: 'Working with those who govern the school and being answerable for its work.',
      skills: [
        skill('GA1', 'Working with governors and trustees', 'Gives governors and trustees the information and challenge they need.', [
          'Explains their team’s work clearly when asked by governors or senior leaders.',
          'Reports to governors on an area of the school accurately and openly.',
          'Works with the board so that it sets direction and holds leaders to account.',
        ]),
        skill('GA2', 'Being accountable for results', 'Takes responsibility for outcomes and explains them honestly.', [
          'Owns their team’s results and explains what they will do to improve them.',
          'Holds colleagues to account fairly for agreed goals across an area.',
          'Answers for the school’s performance to governors, parents and inspectors.',
        ]),
      ],
    },
    {
      title: 'Personal effectiveness',
      description: 'The personal qualities and skills that make someone an effective leader.',
      skills: [
        skill('PE1', 'Self-awareness', 'Knows their strengths, limits and effect on others, and seeks feedback.', [
          'Asks for feedback and reflects on how their actions affect their team.',
          'Adapts their leadership style to the people and situation in front of them.',
          'Uses a clear sense of their own values and limits to lead with authenticity.',
        ]),
        skill('PE2', 'Communicating and influencing', 'Communicates clearly and persuades others with evidence and empathy.', [
          'Explains decisions clearly and listens to their team’s views.',
          'Influences colleagues across the school, including those they do not manage.',
          'Communicates the school’s direction compellingly to staff, families and partners.',
        ]),
        skill('PE3', 'Coaching and developing others', 'Helps others find their own solutions and grow.', [
          'Uses coaching conversations to help colleagues solve problems.',
          'Coaches other leaders and builds coaching into how the school develops staff.',
          'Creates a coaching culture in which everyone expects to grow.',
        ]),
        skill('PE4', 'Leading change', 'Makes the case for change and brings people through it.', [
          'Leads a small change in their team and helps colleagues adapt to it.',
          'Plans change across the school with attention to people and timing.',
          'Leads major change with a clear case for it and care for those it affects.',
        ]),
        skill('PE5', 'Resilience', 'Stays steady and effective under pressure and recovers from setbacks.', [
          'Manages their own workload and stress and asks for help early.',
          'Stays calm in difficult situations and steadies the people around them.',
          'Keeps perspective and purpose through sustained pressure, and looks after themselves.',
        ]),
      ],
    },
  ],
};

const associate: FrameworkDocument = {
  title: 'Associate staff leadership framework',
  description:
    'Waymark’s framework for associate (support) staff who lead teams or services, such as business, site, pastoral and learning support leads. It follows the themes of the CMI management and leadership standard; the skills and descriptors are written by Waymark.',
  track: 'associate',
  levels: DEFAULT_LEVELS,
  domains: [
    {
      title: 'Managing yourself',
      description: 'Organising your own work and taking charge of your own development.',
      skills: [
        skill('MY1', 'Organising your own work', 'Plans and prioritises their own work so that it is done well and on time.', [
          'Plans their week around priorities and meets commitments to their team.',
          'Balances competing demands from across the school and says no when needed.',
          'Manages their time around the school’s strategic priorities, delegating the rest.',
        ]),
        skill('MY2', 'Learning and reflecting', 'Reflects on their practice and seeks out chances to learn.', [
          'Asks for feedback and follows up on what they learn.',
          'Keeps up with developments in their field and shares them with colleagues.',
          'Models continual learning and invests in their own development as a senior leader.',
        ]),
      ],
    },
    {
      title: 'Making decisions',
      description: 'Using good information and judgement to decide and solve problems.',
      skills: [
        skill('MD1', 'Using evidence to decide', 'Gathers the right information and weighs options before deciding.', [
          'Uses facts and colleagues’ views to make sound day-to-day decisions.',
          'Analyses data and options to make decisions that affect several teams.',
          'Makes strategic decisions with incomplete information and explains them.',
        ]),
        skill('MD2', 'Solving problems', 'Gets to the root of problems and finds practical solutions.', [
          'Sorts out everyday problems in their service and stops them recurring.',
          'Solves problems that cross teams, bringing the right people together.',
          'Anticipates problems for the school or trust and plans ahead of them.',
        ]),
      ],
    },
    {
      title: 'Communicating and influencing',
      description: 'Sharing information clearly and persuading others.',
      skills: [
        skill('CI1', 'Communicating clearly', 'Gives clear, accurate and timely information in writing and in person.', [
          'Keeps their team and the people they serve informed clearly and promptly.',
          'Writes reports and briefings for leaders that are accurate and easy to act on.',
          'Communicates complex matters, such as finance or risk, to the board and staff.',
        ]),
        skill('CI2', 'Influencing others', 'Wins support for ideas through evidence and understanding of others.', [
          'Puts forward ideas to improve their service and listens to objections.',
          'Influences senior colleagues and other teams to adopt better ways of working.',
          'Shapes the thinking of the leadership team and governors on strategic matters.',
        ]),
      ],
    },
    {
      title: 'Providing purpose and direction',
      description: 'Setting clear goals that connect the team’s work to the school’s aims.',
      skills: [
        skill('PP1', 'Setting clear goals', 'Agrees clear goals and standards with the team.', [
          'Agrees clear goals and standards with each member of their team.',
          'Sets goals for a service that support the school’s improvement plan.',
          'Sets the direction of support services across the school or trust.',
        ]),
        skill('PP2', 'Linking work to pupils’ outcomes', 'Helps the team see how their work makes a difference to pupils.', [
          'Explains to their team how their work helps pupils learn and stay safe.',
          'Plans services around what pupils and teachers need most.',
          'Makes sure every support function is judged by its contribution to pupils.',
        ]),
      ],
    },
    {
      title: 'Developing people',
      description: 'Helping others in the team learn, improve and progress.',
      skills: [
        skill('DP1', 'Coaching and giving feedback', 'Gives honest, helpful feedback and coaches people to improve.', [
          'Gives regular, specific feedback and praises good work.',
          'Coaches team leaders and tackles underperformance fairly.',
          'Builds a culture in which feedback and coaching are normal for all staff.',
        ]),
        skill('DP2', 'Supporting development and progression', 'Plans training and opportunities that help people grow.', [
          'Identifies training needs in their team and finds ways to meet them.',
          'Creates development routes and opportunities for associate staff.',
          'Plans the development of associate staff as part of the school’s strategy.',
        ]),
      ],
    },
    {
      title: 'Building relationships',
      description: 'Working well with colleagues, families and partners.',
      skills: [
        skill('BR1', 'Working across teams', 'Builds good working relationships with teaching and associate colleagues.', [
          'Works cooperatively with teachers and other teams on shared tasks.',
          'Builds partnerships between support services and teaching teams.',
          'Makes the leadership team work as one across teaching and associate staff.',
        ]),
        skill('BR2', 'Working with people outside the school', 'Manages relationships with families, suppliers and partner organisations.', [
          'Deals courteously and helpfully with families, visitors and suppliers.',
          'Manages contracts and partnerships so that they deliver what was agreed.',
          'Builds strategic relationships with partners, the trust and the local authority.',
        ]),
      ],
    },
    {
      title: 'Leading change',
      description: 'Planning change well and bringing people along with it.',
      skills: [
        skill('LC1', 'Planning and carrying out change', 'Plans change with clear steps, and reviews how it went.', [
          'Introduces a new process in their team with clear steps and support.',
          'Leads a change to a service across the school, such as a new system.',
          'Leads major organisational change, such as a restructure or joining a trust.',
        ]),
        skill('LC2', 'Bringing people with you', 'Helps people understand and adapt to change.', [
          'Explains changes to their team and responds to their concerns.',
          'Involves staff affected by change early and supports them through it.',
          'Leads people through significant change with honesty and care.',
        ]),
      ],
    },
    {
      title: 'Managing resources and risk',
      description: 'Using money, people, buildings and information well and safely.',
      skills: [
        skill('MR1', 'Managing budgets and resources', 'Manages money and resources carefully and gets value for money.', [
          'Manages a team budget or stock accurately and within limits.',
          'Plans budgets and procurement for a service and reviews value for money.',
          'Leads the school’s or trust’s financial planning and resource strategy.',
        ]),
        skill('MR2', 'Managing risk and compliance', 'Spots risks and makes sure legal and policy duties are met.', [
          'Follows procedures for safety, data and safeguarding and reports concerns.',
          'Keeps compliance and risk records for a service up to date and acts on them.',
          'Answers for the school’s compliance and reports risks to leaders and the board.',
        ]),
      ],
    },
    {
      title: 'Achieving results',
      description: 'Delivering what was planned and improving on it.',
      skills: [
        skill('AR1', 'Delivering reliably', 'Turns plans into results, on time and to standard.', [
          'Makes sure their team delivers agreed work on time and to standard.',
          'Delivers service plans and projects that affect several teams.',
          'Delivers the school’s or trust’s operational plans and answers for them.',
        ]),
        skill('AR2', 'Measuring and improving', 'Measures how well services work and keeps improving them.', [
          'Checks the quality of their team’s work and fixes what is not right.',
          'Uses measures and feedback to improve a service over time.',
          'Sets the measures that show how well support services serve the school.',
        ]),
      ],
    },
  ],
};

/** Every built-in framework, in the order the list shows them. */
export const BUILT_IN_FRAMEWORKS: BuiltInFramework[] = [
  { key: 'leadership', document: leadership },
  { key: 'associate', document: associate },
];

/** Built-in keys the organisation does not have yet. */
export async function missingBuiltIns(db: Executor, organisationId: string): Promise<string[]> {
  const installed = new Set(await q.builtInKeys(db, organisationId));
  return BUILT_IN_FRAMEWORKS.map((b) => b.key).filter((key) => !installed.has(key));
}

/**
 * Installs each built-in framework the organisation does not have yet (matched by builtin_key)
 * as a published version 1. Safe to run again; runs in whatever transaction `db` is.
 */
export async function installBuiltInFrameworks(db: Executor, clock: Clock, organisationId: string): Promise<void> {
  const missing = new Set(await missingBuiltIns(db, organisationId));
  for (const builtIn of BUILT_IN_FRAMEWORKS) {
    if (!missing.has(builtIn.key)) continue;
    const { title, description, track } = builtIn.document;
    // An organisation's own framework may already use the title.
    const finalTitle = (await q.titleTaken(db, organisationId, title)) ? `${title} (Waymark)` : title;
    const { frameworkId, versionId } = await q.insertFrameworkWithVersion(db, clock, {
      organisationId,
      title: finalTitle,
      description,
      track,
      builtinKey: builtIn.key,
      status: 'published',
      createdBy: null,
      content: builtIn.document,
    });
    await recordAudit(db, clock, {
      action: 'framework_created',
      organisationId,
      subjectType: 'framework',
      subjectId: frameworkId,
      detail: { builtIn: builtIn.key, versionId },
    });
  }
}
