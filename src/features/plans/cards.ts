import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';
import { ACTIVITY_STATUSES, displayNameOf, findGroup, type Organisation } from '../../domain/organisation';
import { byUrgency, isOpen, isOverdue, planCounts, type Plan, type PlanActivity } from '../../domain/plans/plans';
import { t, type Locale } from '../../i18n';

/** At most this many activities per plan on the card (the most urgent); the rest are counted. */
export const MAX_ACTIVITIES_SHOWN = 25;
/** At most this many owners to choose from in a form. */
const MAX_OWNER_CHOICES = 40;

interface Choice {
  title: string;
  value: string;
}

/** The data of adaptive-cards/action-plan.json. */
export interface ActionPlanCardData {
  title: string;
  summary: string;
  notice: string;
  empty: string;
  statusChoices: Choice[];
  plans: Array<{
    id: string;
    key: string;
    title: string;
    subtitle: string;
    noActivities: string;
    more: string;
    canEdit: boolean;
    ownerGroup: string;
    ownerChoices: Choice[];
    activities: Array<{
      id: string;
      key: string;
      documentId: string;
      what: string;
      details: string;
      status: string;
      statusText: string;
      statusColor: string;
      due: string;
      owner: string;
      open: boolean;
      canEdit: boolean;
      ownerChoices: Choice[];
    }>;
  }>;
  labels: Record<string, string>;
}

/** The key that tells one activity's inputs from another's on the card (`new` for the plan's add form). */
export function inputKey(documentId: string, activityId: string): string {
  return `${documentId}--${activityId || 'new'}`;
}

/** Who may own an activity here: the plan's group, its members, and the organisation's other groups (the first ones). */
function ownerChoices(org: Organisation, plan: Plan): Choice[] {
  const group = findGroup(org, plan.document.ownerGroup);
  const people = group ? [...new Set([...group.conveners, ...group.members])] : [];
  const owners = new Set(plan.activities.map((a) => a.owner));
  const out: Choice[] = [];
  const seen = new Set<string>();
  const add = (value: string, title: string) => {
    if (seen.has(value)) return;
    seen.add(value);
    out.push({ title: userText(title), value });
  };
  if (group) add(group.id, group.name);
  for (const id of owners) add(id, ownerName(org, id));
  for (const id of people) add(id, displayNameOf(org, id));
  for (const g of org.groups) if (out.length < MAX_OWNER_CHOICES) add(g.id, g.name);
  return out;
}

/** An owner's name: the group's or the person's, else the id. */
export function ownerName(org: Organisation, owner: string): string {
  return findGroup(org, owner)?.name ?? displayNameOf(org, owner);
}

function statusOf(a: PlanActivity, today: string): { key: string; color: string } {
  if (isOverdue(a, today)) return { key: 'overdue', color: 'Attention' };
  return { key: a.status, color: { planned: 'Default', ongoing: 'Accent', done: 'Good', cancelled: 'Default' }[a.status] };
}

export function actionPlanCard(
  locale: Locale,
  org: Organisation,
  plans: Array<Plan & { canEdit: boolean }>,
  today: string,
  notice?: string,
): AdaptiveCardJson {
  const all = plans.flatMap((p) => p.activities);
  const totals = planCounts(all, today);
  const label = (k: string) => t(locale, `plans.labels.${k}`);
  const data: ActionPlanCardData = {
    title: t(locale, 'plans.title'),
    summary: t(locale, 'plans.summary', { plans: plans.length, open: totals.open, overdue: totals.overdue, done: totals.done }),
    notice: userText(notice),
    empty: t(locale, 'plans.empty'),
    statusChoices: ACTIVITY_STATUSES.map((s) => ({ title: t(locale, `plans.status.${s}`), value: s })),
    plans: plans.map((p) => {
      const counts = planCounts(p.activities, today);
      const sorted = [...p.activities].sort(byUrgency(today));
      const shown = sorted.slice(0, MAX_ACTIVITIES_SHOWN);
      const choices = p.canEdit ? ownerChoices(org, p) : [];
      return {
        id: p.document.id,
        key: inputKey(p.document.id, ''),
        title: userText(p.document.title),
        subtitle: t(locale, 'plans.subtitle', {
          group: userText(ownerName(org, p.document.ownerGroup)),
          done: counts.done,
          total: counts.total,
          overdue: counts.overdue,
        }),
        noActivities: t(locale, 'plans.noActivities'),
        more: sorted.length > shown.length ? t(locale, 'plans.more', { count: sorted.length - shown.length }) : '',
        canEdit: p.canEdit,
        ownerGroup: p.document.ownerGroup,
        ownerChoices: choices,
        activities: shown.map((a) => {
          const s = statusOf(a, today);
          const details = [
            t(locale, 'plans.details', { owner: userText(ownerName(org, a.owner)), due: a.due ?? t(locale, 'plans.noDue') }),
            ...(a.decisionRef ? [t(locale, 'plans.decision', { ref: userText(a.decisionRef) })] : []),
          ].join(' · ');
          return {
            id: a.id,
            key: inputKey(a.documentId, a.id),
            documentId: a.documentId,
            what: userText(a.what),
            details,
            status: a.status,
            statusText: t(locale, `plans.status.${s.key}`),
            statusColor: s.color,
            due: a.due ?? '',
            owner: a.owner,
            open: isOpen(a),
            canEdit: p.canEdit,
            ownerChoices: choices,
          };
        }),
      };
    }),
    labels: Object.fromEntries(
      ['edit', 'close', 'add', 'addSave', 'save', 'text', 'textError', 'status', 'due', 'owner'].map((k) => [k, label(k)]),
    ),
  };
  return renderCard('action-plan', data);
}
