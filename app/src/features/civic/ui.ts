// The civic screen's words for what happens: a step of an action, its refusal, a status, a stage.
import { message, t } from '../../lib/i18n.svelte';
import { phaseOf, type Actor, type Stage, type Status, type Step } from './civic';

/** What an action is doing now. */
export function stepText(s: Step): string {
  switch (s.stage) {
    case 'loading':
      return t('vote.progress.loading', { percent: s.total ? Math.round((100 * s.loaded) / s.total) : 0 });
    case 'proving':
      return t('vote.progress.proving');
    case 'sealing':
      return t('civic.progress.sealing');
    case 'submitting':
      return t('civic.progress.submitting');
  }
}

/**
 * Why an action failed: the pool's refusal with the pallet's error named (`refused:`), a call that
 * failed in its block (`failed:`), or a check made here before anything was sent.
 */
export function failureText(e: unknown): string {
  const code = e instanceof Error ? e.message : String(e);
  if (code.startsWith('refused:')) return t('civic.error.refused', { reason: code.slice(8) });
  if (code.startsWith('failed:')) return t('civic.error.failed', { reason: code.slice(7) });
  return message('civic.error', code, t('error.generic', { message: code }));
}

/** An option of a consultation, numbered from 1 for people. */
export const optionName = (i: number) => t('civic.option', { n: i + 1 });

export const statusName = (s: Status) => message('civic.status', s, s);

export const sphereName = (s: string) => message('sphere', s, s);

/** A consultation's stage at block `now`. */
export function stageText(stage: Stage, now: number): string {
  const phase = phaseOf(stage, now);
  return message('civic.stage', phase, phase, 'closes' in stage ? { closes: stage.closes } : {});
}

/** What an action on the screen last did: its step now, its result, or why it failed. */
export type Outcome = { step?: string; ok?: string; error?: string };

/**
 * Runs an action of the person's under an area of the screen (where its outcome shows): the
 * action gets the actor and a step reporter and resolves with the words of its result.
 */
export type Run = (area: string, action: (a: Actor, step: (s: Step) => void) => Promise<string>) => Promise<void>;
