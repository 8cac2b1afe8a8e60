import { createContext, useContext } from 'react';

/**
 * Which events the panel may act on. The panel's host in the portal page accepts only the agent's own
 * input (`event.isTrusted`); the default accepts all, for component tests that fire events by hand.
 */
const InputPolicyContext = createContext<(event: Event) => boolean>(() => true);

export const InputPolicyProvider = InputPolicyContext.Provider;

export function useAcceptsEvent(): (event: Event) => boolean {
  return useContext(InputPolicyContext);
}
