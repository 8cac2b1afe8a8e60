import { sectionKit } from '../kit';

/** components/input-policy inside a section script: the panel's context object (see ../kit.ts). */
const { InputPolicyProvider, useAcceptsEvent } = sectionKit().inputPolicy;
export { InputPolicyProvider, useAcceptsEvent };
