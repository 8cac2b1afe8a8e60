import type { FraudParameters } from '@/utils/schemas/fraud';
import { useT } from '../i18n-context';
import { CheckboxField, ListField, NumberField } from './fields';
import type { FieldError } from './versioned-save';

export interface MatrixParametersProps {
  parameters: FraudParameters;
  errors: FieldError[];
  onChange: (next: FraudParameters) => void;
}

/**
 * The parameters leads tune most: velocity windows and counts, shared addresses, odd hours, what a new
 * buyer is, and how much history fires a rule. Amount thresholds per currency and the high-demand lists
 * are edited in the JSON view.
 */
export function MatrixParameters({ parameters: p, errors, onChange }: MatrixParametersProps) {
  const t = useT();
  const at = (path: string) => `parameters.${path}`;
  return (
    <fieldset className="lt-fieldset">
      <legend>{t('leadParameters')}</legend>
      <div className="lt-grid">
        <NumberField
          label={t('leadVelocityWindow')}
          path={at('velocity.windowHours')}
          errors={errors}
          step={0.5}
          value={p.velocity.windowHours}
          onChange={(v) => onChange({ ...p, velocity: { ...p.velocity, windowHours: v } })}
        />
        <NumberField
          label={t('leadVelocityAddress')}
          path={at('velocity.addressCount')}
          errors={errors}
          value={p.velocity.addressCount}
          onChange={(v) => onChange({ ...p, velocity: { ...p.velocity, addressCount: v } })}
        />
        <NumberField
          label={t('leadVelocityName')}
          path={at('velocity.nameCount')}
          errors={errors}
          value={p.velocity.nameCount}
          onChange={(v) => onChange({ ...p, velocity: { ...p.velocity, nameCount: v } })}
        />
        <NumberField
          label={t('leadVelocityPhone')}
          path={at('velocity.phoneCount')}
          errors={errors}
          value={p.velocity.phoneCount}
          onChange={(v) => onChange({ ...p, velocity: { ...p.velocity, phoneCount: v } })}
        />
        <NumberField
          label={t('leadSharedAddress')}
          path={at('sharedAddressBuyerCount')}
          errors={errors}
          value={p.sharedAddressBuyerCount}
          onChange={(v) => onChange({ ...p, sharedAddressBuyerCount: v })}
        />
        <NumberField
          label={t('leadOddHoursStart')}
          path={at('oddHours.start')}
          errors={errors}
          value={p.oddHours.start}
          onChange={(v) => onChange({ ...p, oddHours: { ...p.oddHours, start: v } })}
        />
        <NumberField
          label={t('leadOddHoursEnd')}
          path={at('oddHours.end')}
          errors={errors}
          value={p.oddHours.end}
          onChange={(v) => onChange({ ...p, oddHours: { ...p.oddHours, end: v } })}
        />
        <NumberField
          label={t('leadNewBuyerMaxOrders')}
          path={at('newBuyer.maxPriorOrders')}
          errors={errors}
          value={p.newBuyer.maxPriorOrders}
          onChange={(v) => onChange({ ...p, newBuyer: { ...p.newBuyer, maxPriorOrders: v } })}
        />
        <CheckboxField
          label={t('leadNewBuyerHighDemand')}
          path={at('newBuyer.requireHighDemand')}
          errors={errors}
          checked={p.newBuyer.requireHighDemand}
          onChange={(v) => onChange({ ...p, newBuyer: { ...p.newBuyer, requireHighDemand: v } })}
        />
        <NumberField
          label={t('leadMinClaims')}
          path={at('historyMinimums.claims')}
          errors={errors}
          value={p.historyMinimums.claims}
          onChange={(v) => onChange({ ...p, historyMinimums: { ...p.historyMinimums, claims: v } })}
        />
        <NumberField
          label={t('leadMinReturns')}
          path={at('historyMinimums.returns')}
          errors={errors}
          value={p.historyMinimums.returns}
          onChange={(v) => onChange({ ...p, historyMinimums: { ...p.historyMinimums, returns: v } })}
        />
        <NumberField
          label={t('leadMinChargebacks')}
          path={at('historyMinimums.chargebacks')}
          errors={errors}
          value={p.historyMinimums.chargebacks}
          onChange={(v) => onChange({ ...p, historyMinimums: { ...p.historyMinimums, chargebacks: v } })}
        />
        <NumberField
          label={t('leadMinFraudFlags')}
          path={at('historyMinimums.fraudFlags')}
          errors={errors}
          value={p.historyMinimums.fraudFlags}
          onChange={(v) => onChange({ ...p, historyMinimums: { ...p.historyMinimums, fraudFlags: v } })}
        />
      </div>
      <ListField
        label={t('leadExpeditedKeywords')}
        path={at('expeditedServiceKeywords')}
        errors={errors}
        value={p.expeditedServiceKeywords}
        onChange={(v) => onChange({ ...p, expeditedServiceKeywords: v })}
      />
      <ListField
        label={t('leadDisposableDomains')}
        path={at('disposableEmailDomains')}
        errors={errors}
        value={p.disposableEmailDomains}
        onChange={(v) => onChange({ ...p, disposableEmailDomains: v })}
      />
    </fieldset>
  );
}
