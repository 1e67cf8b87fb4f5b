/**
 * Template files held in memory: paths relative to a templates folder ('paper.html.hbs',
 * 'partials/styles.hbs'). `label` names where they came from in messages; `folder`, when they
 * were read from one, lets messages name each file by its own path.
 */
export interface TemplateLayer {
  label: string;
  files: ReadonlyMap<string, string>;
  folder?: string;
}
