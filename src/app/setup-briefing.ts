import type { LoadedScenario } from '../sim/scenario/load';
import { h } from './dom';

/**
 * The setup screen's briefing of the chosen scenario: its name, its paragraphs, its calendar and
 * its sources under a disclosure. Everything is scenario text, set as text.
 */
export function renderBriefing(host: HTMLElement, loaded: LoadedScenario): void {
  const sc = loaded.scenario;
  host.append(h('h3', { text: sc.name }));
  for (const p of sc.briefing) host.append(h('p', { text: p }));
  const cal = sc.calendar;
  host.append(
    h('p', {
      class: 'hint',
      text: `Starts ${cal.start}; ${cal.maxTurns} turns of ${cal.turnHours} hours (${cal.turnHours / 24} days) each.`,
    }),
  );
  const list = h('ol', { class: 'sources' });
  for (const [id, s] of Object.entries(sc.sources)) {
    // A link only for http(s) addresses: a scenario file is outside input, and a javascript: or
    // data: URL must never become clickable.
    const safe = s.url && /^https?:\/\//i.test(s.url) ? s.url : null;
    list.append(
      h(
        'li',
        { id: `source-${id}` },
        safe
          ? h(
              'a',
              { href: safe, target: '_blank', rel: 'noopener noreferrer' },
              h('cite', { text: s.title }),
            )
          : h('cite', { text: s.title }),
        ` — ${s.publisher}, ${s.date}. `,
        h('span', { class: 'note', text: s.note ?? '' }),
      ),
    );
  }
  host.append(
    h(
      'details',
      { class: 'sources-box' },
      h('summary', { text: `Sources (${Object.keys(sc.sources).length})` }),
      list,
    ),
  );
}
