// A list of build jobs, each row following its job's log over Server-Sent Events.
import { useEffect, useState } from 'react';

function JobRow({ job }) {
  const [status, setStatus] = useState(job.status);

  useEffect(() => {
    // One connection per row: twenty jobs on screen starve the page's own requests.
    const events = new EventSource(`/jobs/${job.id}/events`);
    events.addEventListener('status', (event) => setStatus(event.data));
    return () => events.close();
  }, [job.id]);

  return (
    <li>
      {job.name}: {status}
    </li>
  );
}

export function JobList({ jobs }) {
  return (
    <ul>
      {jobs.map((job) => (
        <JobRow key={job.id} job={job} />
      ))}
    </ul>
  );
}
