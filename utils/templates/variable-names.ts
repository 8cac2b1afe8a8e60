/**
 * The variables templates may use (see render.ts for the `{{name | "fallback"}}` syntax). A plain list, so
 * the panel script's template linter reads it without building the zod schema made of it
 * (utils/schemas/templates.ts TemplateVariableName).
 */
export const TEMPLATE_VARIABLE_NAMES = [
  'buyer.firstName',
  'buyer.name',
  'order.id',
  'order.items',
  'tracking.number',
  'sla.deadline',
  'agent.name',
  'marketplace',
] as const;
