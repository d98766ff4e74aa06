/** The paragraph styles of the DOCX, by id (what Word shows in its Styles pane is the name). */
export const STYLE_ID = {
  body: 'Normal',
  title: 'ContractTitle',
  article: 'ArticleHeading',
  clause: 'Clause',
  subclause: 'Subclause',
  section: 'SectionHeading',
  sectionClause: 'SectionClause',
  sectionSubclause: 'SectionSubclause',
  listItem: 'ListItem',
  bulletItem: 'BulletItem',
  tableText: 'TableText',
  tableHeader: 'TableHeader',
  tableSpacing: 'TableSpacing',
  signature: 'Signature',
  annexLabel: 'AnnexLabel',
  annexTitle: 'AnnexTitle',
  header: 'Header',
  footer: 'Footer',
} as const;

export type StyleId = (typeof STYLE_ID)[keyof typeof STYLE_ID];
