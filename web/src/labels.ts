// Human labels for the codes the ledger stores (src/ledger/records.h): a
// person reads "in person" and "procurement contract", never in_person. A
// code without a label here is shown with its underscores as spaces.
const labels: Record<string, string> = {
  // record kinds
  actor: 'Actors', forum: 'Forums', meeting: 'Meetings', attendance: 'Attendance', person: 'People', role: 'Roles',
  source: 'Sources', item: 'Items', measure: 'Measures', delivery: 'Deliveries', hold: 'Holds', resumption: 'Resumptions',
  authority: 'Funding authorities', balance: 'Authority balances', requirement: 'Requirements', claim: 'Claims',
  figure: 'Tracker figures', dataset: 'Datasets', restriction: 'Restrictions', coalition: 'Coalitions',
  // meeting formats and attendance
  in_person: 'in person', virtual: 'virtually', hybrid: 'hybrid', unknown: 'not reported', absent: 'absent',
  attended: 'attended (how not reported)',
  // instruments
  unspecified: 'not specified', stockpile_drawdown: 'drawn from stocks', procurement_contract: 'procurement contract',
  funding_purchase: 'funds another’s purchase', purchase_through_nato: 'bought through NATO (PURL)', loan: 'loan', grant: 'grant',
  // forum and actor kinds
  contact_group: 'contact group', capability_coalition: 'capability coalition', bilateral: 'bilateral', conference: 'conference',
  organisation: 'organisation', country: 'country',
};

export function codeLabel(code: string): string {
  return labels[code] ?? code.replace(/_/g, ' ');
}

// The heading for a group of records of one kind.
export function kindLabel(kind: string): string {
  return labels[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/_/g, ' ');
}

// Table columns whose cells are codes, shown by their labels.
export const codeColumns = new Set(['format', 'mode', 'attendance', 'instrument', 'forum_kind', 'actor_kind']);
