// A React host page: the user-trace wrappers with a data provider, the view kept in React state.
import { useMemo, useState } from 'react';
import { DemoProvider } from 'user-trace';
import { UserTrace } from 'user-trace/react.js';

export function App() {
  const provider = useMemo(() => new DemoProvider({ seed: 7 }), []);
  const [view, setView] = useState({ userId: 'jana.novakova', date: '2026-03-10', period: 'day' as 'day' | 'week' });
  return (
    <UserTrace
      provider={provider}
      userId={view.userId}
      date={view.date}
      period={view.period}
      timeZone="Europe/Prague"
      lang="cs"
      onChange={(event) => {
        const { userId, date, period } = event.detail.query;
        setView({ userId: userId ?? '', date, period });
      }}
    />
  );
}
