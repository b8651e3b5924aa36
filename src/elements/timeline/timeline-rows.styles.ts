import { css } from 'lit';

/** The week rows' gutter (day button, figures, lane labels), the DST gaps and the minutes view's hours toggle. */
export const timelineRowStyles = css`
  .chart.week {
    --_gutter: var(--user-trace-timeline-gutter, 12rem);
  }
  .day-summary {
    position: absolute;
    left: 0;
    right: 3.6rem;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.1rem;
    overflow: hidden;
    font-size: 0.6875rem;
    line-height: 1.15;
  }
  .day-button {
    padding: 0.05rem 0.3rem;
    font-size: 0.75rem;
    font-weight: 600;
    line-height: 1.2;
    white-space: nowrap;
  }
  .day-figures .hours {
    margin-left: 0.4rem;
    color: var(--_muted);
  }
  .day-figures {
    display: grid;
    grid-template-columns: auto auto;
    column-gap: 0.4rem;
    margin: 0;
    padding-left: 0.3rem;
    color: var(--_muted);
  }
  .day-figures dd {
    margin: 0;
    color: var(--_text);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .day-figures dd.count {
    grid-column: 1 / -1;
  }
  .week-lane-label {
    position: absolute;
    right: 0;
    width: 3.4rem;
    transform: translateY(-50%);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    text-align: right;
    font-size: 0.625rem;
    line-height: 1;
    color: var(--_muted);
  }
  .no-such-time {
    position: absolute;
    z-index: 1;
  }
  .chart.minutes .row-label.after-gap {
    border-top: 1px dashed var(--_grid-major);
    padding-top: 1px;
  }
`;
