import { useCallback, useState, type FormEvent } from 'react';
import { PersonalField, type HandoffTeam } from '@/utils/schemas/handoffs';
import type { ApiCall } from '../leads/api';
import { useLoad } from '../leads/api';
import { useT } from '../i18n-context';

/**
 * The lead's internal teams: which personal data each may see (none by default), whether waiting on it
 * pauses the SLA clock, adding and deleting teams. Members are set with PATCH /v1/handoff-teams/:id.
 */
export function HandoffTeamsTab({ call }: { call: ApiCall }) {
  const t = useT();
  const load = useCallback(() => call('handoffTeams.list'), [call]);
  const { state, reload } = useLoad(load);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const res = await call('handoffTeams.create', { body: { name: name.trim(), kind: 'general', allowedFields: [], pausesSla: false, memberIds: [] } });
    if (!res.ok) return setError(res.error.message);
    setName('');
    setError(null);
    reload();
  };

  if (state.kind === 'loading') return <p>{t('loading')}</p>;
  if (state.kind === 'error') return <p className="lt-error">{state.message}</p>;
  return (
    <section data-testid="handoff-teams">
      <h2>{t('handoffTeamsTab')}</h2>
      {state.value.teams.map((team) => (
        <TeamRow key={team.id} team={team} call={call} onChanged={reload} />
      ))}
      <form onSubmit={add}>
        <label>
          {t('handoffTeamName')} <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} data-testid="handoff-team-new" />
        </label>
        <button type="submit">{t('handoffTeamAdd')}</button>
        {error && (
          <p role="alert" className="lt-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}

function TeamRow({ team, call, onChanged }: { team: HandoffTeam; call: ApiCall; onChanged: () => void }) {
  const t = useT();
  const [allowed, setAllowed] = useState<PersonalField[]>(team.allowedFields);
  const [pausesSla, setPausesSla] = useState(team.pausesSla);
  const [message, setMessage] = useState<string | null>(null);
  const toggle = (field: PersonalField, on: boolean) => setAllowed((list) => (on ? [...list, field] : list.filter((f) => f !== field)));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const res = await call('handoffTeams.update', { params: { id: team.id }, body: { allowedFields: allowed, pausesSla } });
    setMessage(res.ok ? t('handoffTeamSaved') : res.error.message);
  };
  const remove = async () => {
    const res = await call('handoffTeams.delete', { params: { id: team.id } });
    if (res.ok) onChanged();
    else setMessage(res.error.message);
  };
  return (
    <form onSubmit={save} data-testid="handoff-team-row" aria-label={team.name}>
      <fieldset>
        <legend>
          {team.name}
          {team.kind === 'fraud' ? ` · ${t('handoffTeamKindFraud')}` : ''}
        </legend>
        <p>{t('handoffAllowedFields')}</p>
        {PersonalField.options.map((field) => (
          <label key={field}>
            <input type="checkbox" checked={allowed.includes(field)} onChange={(e) => toggle(field, e.target.checked)} /> {t(`handoffField_${field}`)}
          </label>
        ))}
        <label>
          <input type="checkbox" checked={pausesSla} onChange={(e) => setPausesSla(e.target.checked)} /> {t('handoffPausesSla')}
        </label>
        <button type="submit">{t('handoffTeamSave')}</button>
        <button type="button" onClick={() => void remove()}>
          {t('handoffTeamDelete')}
        </button>
        {message && <span role="status">{message}</span>}
      </fieldset>
    </form>
  );
}
