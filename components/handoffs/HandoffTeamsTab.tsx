import { useCallback, useState, type FormEvent } from 'react';
import type { Agent } from '@/utils/schemas/api';
import { PersonalField, type HandoffTeam } from '@/utils/schemas/handoffs';
import type { ApiCall } from '../leads/api';
import { useLoad } from '../leads/api';
import { useT } from '../i18n-context';

/**
 * The lead's internal teams: which personal data each may see (none by default), whether waiting on it
 * pauses the SLA clock, who its members are (the people who see and answer its hand-offs: receivers
 * without the extension, or agents), adding and deleting teams.
 */
export function HandoffTeamsTab({ call }: { call: ApiCall }) {
  const t = useT();
  const load = useCallback(() => call('handoffTeams.list'), [call]);
  const { state, reload } = useLoad(load);
  const loadAgents = useCallback(() => call('agents.list'), [call]);
  const { state: agents } = useLoad(loadAgents);
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
      {agents.kind === 'error' && <p className="lt-error">{agents.message}</p>}
      {state.value.teams.map((team) => (
        <TeamRow key={team.id} team={team} agents={agents.kind === 'ready' ? agents.value.agents : null} call={call} onChanged={reload} />
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

interface TeamRowProps {
  team: HandoffTeam;
  /** The team's agents (null while they load or when they could not be read: members are then left as they are). */
  agents: readonly Agent[] | null;
  call: ApiCall;
  onChanged: () => void;
}

function TeamRow({ team, agents, call, onChanged }: TeamRowProps) {
  const t = useT();
  const [allowed, setAllowed] = useState<PersonalField[]>(team.allowedFields);
  const [pausesSla, setPausesSla] = useState(team.pausesSla);
  const [members, setMembers] = useState<string[]>(team.memberIds);
  const [message, setMessage] = useState<string | null>(null);
  const toggle = (field: PersonalField, on: boolean) => setAllowed((list) => (on ? [...list, field] : list.filter((f) => f !== field)));
  const toggleMember = (id: string, on: boolean) => setMembers((list) => (on ? [...list, id] : list.filter((m) => m !== id)));
  // Deactivated people stay listed while they are members, marked so; the backend takes active agents
  // only, so saving leaves them out (they can no longer sign in anyway).
  const choices = agents?.filter((a) => a.active !== false || members.includes(a.id)) ?? [];
  const active = new Set(agents?.filter((a) => a.active !== false).map((a) => a.id));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const res = await call('handoffTeams.update', {
      params: { id: team.id },
      body: { allowedFields: allowed, pausesSla, ...(agents ? { memberIds: members.filter((id) => active.has(id)) } : {}) },
    });
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
        {agents && (
          <fieldset data-testid="handoff-team-members">
            <legend>{t('handoffTeamMembers')}</legend>
            {choices.length === 0 && <p>{t('handoffTeamNoAgents')}</p>}
            {choices.map((agent) => (
              <label key={agent.id}>
                <input type="checkbox" checked={members.includes(agent.id)} onChange={(e) => toggleMember(agent.id, e.target.checked)} /> {agent.name}
                {agent.role === 'receiver' ? ` · ${t('handoffTeamReceiver')}` : ''}
                {agent.active === false ? ` · ${t('handoffTeamDeactivated')}` : ''}
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit">{t('handoffTeamSave')}</button>
        <button type="button" onClick={() => void remove()}>
          {t('handoffTeamDelete')}
        </button>
        {message && <span role="status">{message}</span>}
      </fieldset>
    </form>
  );
}
