import type { PageContext } from '../../schemas';
import { deepText } from '../deep-dom';
import { foldLabel } from '../label-value';
import { NO_RECOMMENDATION, RECOMMENDATION_LABEL, RECOMMENDATIONS, RISK_LEVELS, SECTIONS } from './labels';
import type { ShopifyReader } from './read';

/**
 * The fraud-analysis card: Shopify's risk level from its badge (OrderRiskAssessment.riskLevel HIGH,
 * MEDIUM, LOW, NONE, PENDING), the recommendation beside "Recommendation:" (CANCEL, INVESTIGATE, ACCEPT,
 * or NONE when Shopify says it has none) and the indicators it lists. No card (manual payment methods get
 * no analysis) is no risk, not a missing field. The card's title changed over the years; the level is
 * read from the badge's word, never from a class name.
 */
type PortalRisk = NonNullable<PageContext['portalRisk']>;

const levelOf = (text: string) => {
  const folded = foldLabel(text);
  return RISK_LEVELS.find(([, words]) => words.some((w) => foldLabel(w) === folded))?.[0];
};

function recommendationOf(card: Element): PortalRisk['recommendation'] {
  const labelled = Array.from(card.querySelectorAll('p, div, li')).find((el) =>
    RECOMMENDATION_LABEL.some((l) => foldLabel(deepText(el) ?? '').startsWith(foldLabel(l))),
  );
  if (labelled) {
    const text = deepText(labelled.querySelector('strong, b')) ?? (deepText(labelled) ?? '').replace(/^[^:：]*[:：]\s*/, '');
    const found = RECOMMENDATIONS.find(([, re]) => re.test(text))?.[0];
    if (found) return found;
  }
  return NO_RECOMMENDATION.test(deepText(card) ?? '') ? 'NONE' : undefined;
}

export function readRisk(reader: ShopifyReader): PortalRisk | undefined {
  return reader.read('portalRisk', {
    label: () => {
      const card = reader.section(SECTIONS.fraudAnalysis);
      if (!card) return undefined;
      const level = Array.from(card.querySelectorAll('span, strong, b'))
        .map((el) => levelOf(deepText(el) ?? ''))
        .find(Boolean);
      if (!level) return undefined;
      const recommendation = recommendationOf(card);
      const indicators = Array.from(card.querySelectorAll('li'))
        .map((li) => deepText(li))
        .filter((t): t is string => Boolean(t))
        .slice(0, 20);
      return { level, ...(recommendation ? { recommendation } : {}), ...(indicators.length ? { indicators } : {}) };
    },
  });
}
