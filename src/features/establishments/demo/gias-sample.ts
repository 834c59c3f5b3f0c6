// A small establishment file in the shape of the Department for Education's "Get information about
// schools" download (edubasealldata….csv: the same headings in the same order, trimmed of the
// columns after the address), for the demo and the tests. The schools are the demo's, and made up.

/** The GIAS file's headings, in its order, as far as the school list reads and a little past it. */
export const GIAS_HEADERS = [
  'URN',
  'LA (code)',
  'LA (name)',
  'EstablishmentNumber',
  'EstablishmentName',
  'TypeOfEstablishment (code)',
  'TypeOfEstablishment (name)',
  'EstablishmentTypeGroup (code)',
  'EstablishmentTypeGroup (name)',
  'EstablishmentStatus (code)',
  'EstablishmentStatus (name)',
  'ReasonEstablishmentOpened (code)',
  'ReasonEstablishmentOpened (name)',
  'OpenDate',
  'ReasonEstablishmentClosed (code)',
  'ReasonEstablishmentClosed (name)',
  'CloseDate',
  'PhaseOfEducation (code)',
  'PhaseOfEducation (name)',
  'StatutoryLowAge',
  'StatutoryHighAge',
  'Boarders (code)',
  'Boarders (name)',
  'NurseryProvision (name)',
  'OfficialSixthForm (code)',
  'OfficialSixthForm (name)',
  'Gender (code)',
  'Gender (name)',
  'ReligiousCharacter (code)',
  'ReligiousCharacter (name)',
  'ReligiousEthos (name)',
  'Diocese (code)',
  'Diocese (name)',
  'AdmissionsPolicy (code)',
  'AdmissionsPolicy (name)',
  'SchoolCapacity',
  'SpecialClasses (code)',
  'SpecialClasses (name)',
  'CensusDate',
  'NumberOfPupils',
  'NumberOfBoys',
  'NumberOfGirls',
  'PercentageFSM',
  'TrustSchoolFlag (code)',
  'TrustSchoolFlag (name)',
  'Trusts (code)',
  'Trusts (name)',
  'SchoolSponsorFlag (name)',
  'SchoolSponsors (name)',
  'FederationFlag (name)',
  'Federations (code)',
  'Federations (name)',
  'UKPRN',
  'FEHEIdentifier',
  'FurtherEducationType (name)',
  'OfstedLastInsp',
  'LastChangedDate',
  'Street',
  'Locality',
  'Address3',
  'Town',
  'County (name)',
  'Postcode',
  'SchoolWebsite',
  'TelephoneNum',
  'HeadTitle (name)',
  'HeadFirstName',
  'HeadLastName',
  'HeadPreferredJobTitle',
] as const;

/** One establishment of a made-up file. */
export interface SampleEstablishment {
  urn: string;
  name: string;
  la: string;
  type: string;
  status: 'Open' | 'Closed' | 'Open, but proposed to close' | 'Proposed to open';
  phase: string;
  street: string;
  locality?: string;
  town: string;
  county?: string;
  postcode: string;
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV in the GIAS file's shape (its headings, its order, CRLF line ends). */
export function toGiasCsv(rows: readonly SampleEstablishment[]): string {
  const lines = [GIAS_HEADERS.map(cell).join(',')];
  for (const r of rows) {
    const values: Record<string, string> = {
      URN: r.urn,
      'LA (name)': r.la,
      EstablishmentName: r.name,
      'TypeOfEstablishment (name)': r.type,
      'EstablishmentStatus (name)': r.status,
      'PhaseOfEducation (name)': r.phase,
      Street: r.street,
      Locality: r.locality ?? '',
      Town: r.town,
      'County (name)': r.county ?? '',
      Postcode: r.postcode,
      'Gender (name)': 'Mixed',
      'OfficialSixthForm (name)': r.phase === 'Secondary' ? 'Has a sixth form' : 'Does not have a sixth form',
    };
    lines.push(GIAS_HEADERS.map((h) => cell(values[h] ?? '')).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The demo's school list: the demo trust's three schools, the regional provider's partner schools,
 * two schools attached to no organisation on Waymark (whose staff apply from outside), and a few
 * more for the picker to find, one of them closed.
 */
export const SAMPLE_ESTABLISHMENTS: readonly SampleEstablishment[] = [
  {
    urn: '143271',
    name: 'Riverside Academy',
    la: 'Leeds',
    type: 'Academy converter',
    status: 'Open',
    phase: 'Secondary',
    street: 'Dewsbury Road',
    town: 'Leeds',
    county: 'West Yorkshire',
    postcode: 'LS11 5QB',
  },
  {
    urn: '107862',
    name: 'Oakfield Primary School',
    la: 'Wakefield',
    type: 'Community school',
    status: 'Open',
    phase: 'Primary',
    street: 'Oakfield Lane',
    town: 'Wakefield',
    postcode: 'WF2 8AH',
  },
  {
    urn: '107915',
    name: 'Hillcrest Primary School',
    la: 'Leeds',
    type: 'Community school',
    status: 'Open',
    phase: 'Primary',
    street: 'Cowper Street',
    town: 'Leeds',
    postcode: 'LS8 4JD',
  },
  {
    urn: '108012',
    name: 'Moorside Community Primary School',
    la: 'Bradford',
    type: 'Community school',
    status: 'Open',
    phase: 'Primary',
    street: 'Moorside Road',
    locality: 'Eccleshill',
    town: 'Bradford',
    county: 'West Yorkshire',
    postcode: 'BD2 3HE',
  },
  {
    urn: '108234',
    name: 'St Wilfrid’s Catholic High School',
    la: 'Wakefield',
    type: 'Voluntary aided school',
    status: 'Open',
    phase: 'Secondary',
    street: 'Cutsyke Road',
    town: 'Featherstone',
    county: 'West Yorkshire',
    postcode: 'WF7 6BD',
  },
  {
    urn: '144501',
    name: 'Calder Valley Academy',
    la: 'Calderdale',
    type: 'Academy sponsor led',
    status: 'Open',
    phase: 'Secondary',
    street: 'Burnley Road',
    town: 'Halifax',
    postcode: 'HX2 7JT',
  },
  {
    urn: '107301',
    name: 'Kirkgate Church of England Primary School',
    la: 'Bradford',
    type: 'Voluntary controlled school',
    status: 'Open',
    phase: 'Primary',
    street: 'Kirkgate',
    town: 'Shipley',
    postcode: 'BD18 3EH',
  },
  {
    urn: '107455',
    name: "St Mary's Catholic Primary School",
    la: 'Leeds',
    type: 'Voluntary aided school',
    status: 'Open',
    phase: 'Primary',
    street: 'Rossefield Road',
    town: 'Leeds',
    postcode: 'LS13 3RY',
  },
  {
    urn: '107456',
    name: 'St Mary’s Church of England Primary School',
    la: 'Kirklees',
    type: 'Voluntary aided school',
    status: 'Open',
    phase: 'Primary',
    street: 'Church Lane',
    town: 'Huddersfield',
    postcode: 'HD8 0PJ',
  },
  {
    urn: '107457',
    name: 'Ashgrove Infant School',
    la: 'Kirklees',
    type: 'Community school',
    status: 'Closed',
    phase: 'Primary',
    street: 'Ashgrove Road',
    town: 'Huddersfield',
    postcode: 'HD2 1EW',
  },
  {
    urn: '146120',
    name: 'Ashgrove Primary Academy',
    la: 'Kirklees',
    type: 'Academy converter',
    status: 'Open',
    phase: 'Primary',
    street: 'Ashgrove Road',
    town: 'Huddersfield',
    postcode: 'HD2 1EW',
  },
  {
    urn: '136789',
    name: 'Pennine Way Special School',
    la: 'Calderdale',
    type: 'Community special school',
    status: 'Open',
    phase: 'Not applicable',
    street: 'Hebble Lane',
    town: 'Halifax',
    postcode: 'HX3 5AX',
  },
  {
    urn: '139950',
    name: 'Aire Valley Sixth Form College',
    la: 'Leeds',
    type: 'Sixth form centres',
    status: 'Open',
    phase: '16 plus',
    street: 'Water Lane',
    town: 'Leeds',
    postcode: 'LS11 5BJ',
  },
  {
    urn: '148002',
    name: 'Brontë Free School',
    la: 'Bradford',
    type: 'Free schools',
    status: 'Proposed to open',
    phase: 'All-through',
    street: 'Haworth Road',
    town: 'Keighley',
    postcode: 'BD21 5QT',
  },
  {
    urn: '110320',
    name: 'Harrowgate Hill Nursery School',
    la: 'Darlington',
    type: 'LA nursery school',
    status: 'Open',
    phase: 'Nursery',
    street: 'Thompson Street West',
    town: 'Darlington',
    postcode: 'DL3 0HZ',
  },
];

/** The demo's school list as a file. */
export const GIAS_SAMPLE_CSV = toGiasCsv(SAMPLE_ESTABLISHMENTS);
