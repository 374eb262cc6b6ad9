/** Measuring the plan parser: facts of a plan, scoring a parse against them, degraded copies. Pure. */
export { FACT_NAMES, factKey, planFacts, scoreFacts, titleSimilarity } from './facts'
export type { FactName, FactScore, PlanFacts } from './facts'
export { degradeText, seededRandom, stripDiacritics } from './degrade'
export type { DegradeOptions } from './degrade'
