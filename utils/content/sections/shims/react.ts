import { sectionKit } from '../kit';

/** `react` inside a section script: the panel's Preact (see ../kit.ts). Only the names sections use. */
const { createElement, Fragment, useCallback, useContext, useEffect, useEffectEvent, useId, useMemo, useRef, useState } = sectionKit().react;
export { createElement, Fragment, useCallback, useContext, useEffect, useEffectEvent, useId, useMemo, useRef, useState };
