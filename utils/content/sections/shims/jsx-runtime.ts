import { sectionKit } from '../kit';

/** `react/jsx-runtime` inside a section script: the panel's (see ../kit.ts). */
const { jsx, jsxs, Fragment } = sectionKit().jsxRuntime;
export { jsx, jsxs, Fragment };
