/** The one place that builds a rule's documentation URL. */
export const repositoryUrl = 'https://github.com/copydesk/copydesk'

export function ruleUrl(ruleId: string): string {
  return `${repositoryUrl}/blob/main/rules/${ruleId}/readme.md`
}
