/**
 * require-eventsource-close in Angular components and services (TypeScript, typescript-eslint's
 * parser, as angular-eslint's `tsRecommended` lints them): what `ngOnInit`, `ngAfterViewInit`,
 * the constructor or a field initialiser of a component opens must be closed in `ngOnDestroy`
 * or a `DestroyRef.onDestroy()` callback; a root service is held once and is left alone.
 */
import rule from '../../rules/require-eventsource-close.js';
import { ruleTester } from '../rule-tester.js';
import { ES, IN_NG_ON_DESTROY } from '../support/rule-messages.js';

const component = (code: string) => ({ code, filename: 'feed.component.ts' });
const notClosed = (line: number, column: number, lifecycle: string) => ({
  messageId: 'notClosedOnUnmount' as const,
  line,
  column,
  data: { stream: ES, lifecycle, where: IN_NG_ON_DESTROY, example: '' },
});

ruleTester.run('require-eventsource-close (Angular)', rule, {
  valid: [
    // Opened in ngOnInit, closed in ngOnDestroy.
    component(`import { Component, OnDestroy, OnInit } from '@angular/core';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent implements OnInit, OnDestroy {
  private source?: EventSource;
  ngOnInit(): void {
    this.source = new EventSource('/feed');
  }
  ngOnDestroy(): void {
    this.source?.close();
  }
}`),
    // A DestroyRef from inject(), its onDestroy callback closes the local stream.
    component(`import { Component, DestroyRef, OnInit, inject } from '@angular/core';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent implements OnInit {
  private readonly destroyRef = inject(DestroyRef);
  ngOnInit(): void {
    const source = new EventSource('/feed');
    this.destroyRef.onDestroy(() => source.close());
  }
}`),
    // A DestroyRef injected through the constructor, which opens the stream.
    component(`import { Component, DestroyRef } from '@angular/core';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent {
  constructor(destroyRef: DestroyRef) {
    const source = new EventSource('/feed');
    destroyRef.onDestroy(() => source.close());
  }
}`),
    // Wrapped in an Observable whose teardown closes it, unsubscribed by takeUntilDestroyed().
    component(`import { Component } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable } from 'rxjs';
@Component({ selector: 'app-feed', template: '{{ last }}' })
export class FeedComponent {
  last = '';
  constructor() {
    new Observable<MessageEvent>((observer) => {
      const source = new EventSource('/feed');
      source.onmessage = (event) => observer.next(event);
      return () => source.close();
    })
      .pipe(takeUntilDestroyed())
      .subscribe((event) => (this.last = event.data));
  }
}`),
    // A field initialiser closed in ngOnDestroy.
    component(`import { Component, OnDestroy } from '@angular/core';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent implements OnDestroy {
  private readonly source = new EventSource('/feed');
  ngOnDestroy(): void {
    this.source.close();
  }
}`),
    // Opened in ngAfterViewInit, closed through a private method that ngOnDestroy calls.
    component(`import { AfterViewInit, Component, OnDestroy } from '@angular/core';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent implements AfterViewInit, OnDestroy {
  private source: EventSource | null = null;
  ngAfterViewInit(): void {
    this.source = new EventSource('/feed');
  }
  ngOnDestroy(): void {
    this.disconnect();
  }
  private disconnect(): void {
    this.source?.close();
    this.source = null;
  }
}`),
    // Shape of vichanse/symfony-angular-mercure (client/src/app/shared/services/sse.service.ts): a
    // root service, constructed once for the app, keeps its stream for the page's life.
    { code: `import { Injectable } from '@angular/core';
@Injectable({ providedIn: 'root' })
export class FeedService {
  private readonly source = new EventSource('/feed');
  readonly messages = (listener: (event: MessageEvent) => void) => this.source.addEventListener('message', listener);
}`, filename: 'feed.service.ts' },
    // Shape of the-james-burton/project-euler-ng (src/app/euler.service.ts), with a teardown: each
    // subscriber's stream is closed when it unsubscribes.
    { code: `import { Injectable, NgZone } from '@angular/core';
import { Observable } from 'rxjs';
@Injectable({ providedIn: 'root' })
export class SseService {
  constructor(private readonly zone: NgZone) {}
  serverSentEvents(url: string): Observable<MessageEvent> {
    return new Observable((observer) => {
      const source = new EventSource(url);
      source.onmessage = (event) => this.zone.run(() => observer.next(event));
      return () => source.close();
    });
  }
}`, filename: 'sse.service.ts' },
    // Shape of masiceiu/ictch-angular-ngx (app/modules/demo/rnd/sse/sse.component.ts): the component
    // holds a subscription to a service's stream and unsubscribes in ngOnDestroy; it opens none itself.
    component(`import { Component, OnDestroy, OnInit } from '@angular/core';
import { Subscription } from 'rxjs';
import { SseService } from './sse.service';
@Component({ selector: 'app-sse', templateUrl: './sse.component.html', providers: [SseService] })
export class SseComponent implements OnInit, OnDestroy {
  private stream?: Subscription;
  constructor(private readonly sse: SseService) {}
  ngOnInit(): void {
    this.stream = this.sse.serverSentEvents('/sse').subscribe();
  }
  ngOnDestroy(): void {
    this.stream?.unsubscribe();
  }
}`),
    // TODO (known false negative): Angular's effect() is not read as a mount hook, so a stream it
    // opens without onCleanup goes unreported.
    component(`import { Component, effect, input } from '@angular/core';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent {
  readonly id = input.required<string>();
  constructor() {
    effect(() => {
      const source = new EventSource('/jobs/' + this.id());
      source.onmessage = () => undefined;
    });
  }
}`),
  ],
  invalid: [
    // A private method returns the stream to the constructor, which keeps it in a field that
    // nothing closes: reported where the constructor keeps it.
    {
      ...component(`import { Component } from '@angular/core';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent {
  private source: EventSource;
  constructor() {
    this.source = this.connect();
  }
  private connect(): EventSource {
    return new EventSource('/feed');
  }
}`),
      errors: [notClosed(6, 19, 'the construction of this component')],
    },
    {
      // Shape of Yaffle/EventSource (example/src/app/app.component.ts): ngOnInit opens, there is no ngOnDestroy.
      ...component(`import { Component, OnInit } from '@angular/core';
@Component({ selector: 'app-root', templateUrl: './app.component.html' })
export class AppComponent implements OnInit {
  messages: string[] = [];
  ngOnInit(): void {
    const eventSource = new EventSource('http://localhost:3000');
    eventSource.onmessage = (event) => this.messages.push(event.data);
  }
}`),
      errors: [notClosed(6, 25, '`ngOnInit`')],
    },
    {
      // The constructor opens through a private method; nothing closes.
      ...component(`import { Component } from '@angular/core';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent {
  private source?: EventSource;
  constructor() {
    this.connect();
  }
  private connect(): void {
    this.source = new EventSource('/feed');
  }
}`),
      errors: [notClosed(9, 19, 'the construction of this component')],
    },
    {
      // A field initialiser of a component, never closed.
      ...component(`import { Component } from '@angular/core';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent {
  private readonly source = new EventSource('/feed');
}`),
      errors: [notClosed(4, 29, 'the construction of this component')],
    },
    {
      // ngAfterViewInit without ngOnDestroy.
      ...component(`import { AfterViewInit, Component } from '@angular/core';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent implements AfterViewInit {
  private source?: EventSource;
  ngAfterViewInit(): void {
    this.source = new EventSource('/feed');
  }
}`),
      errors: [notClosed(6, 19, '`ngAfterViewInit`')],
    },
    {
      // ngAfterContentInit without ngOnDestroy.
      ...component(`import { AfterContentInit, Component } from '@angular/core';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent implements AfterContentInit {
  private source?: EventSource;
  ngAfterContentInit(): void {
    this.source = new EventSource('/feed');
  }
}`),
      errors: [notClosed(6, 19, '`ngAfterContentInit`')],
    },
    {
      // The DestroyRef callback unsubscribes something else; the stream stays open.
      ...component(`import { Component, DestroyRef, OnInit, inject } from '@angular/core';
import { Subscription } from 'rxjs';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent implements OnInit {
  private readonly destroyRef = inject(DestroyRef);
  private subscription?: Subscription;
  ngOnInit(): void {
    const source = new EventSource('/feed');
    this.destroyRef.onDestroy(() => this.subscription?.unsubscribe());
  }
}`),
      errors: [notClosed(8, 20, '`ngOnInit`')],
    },
    {
      // An empty ngOnDestroy.
      ...component(`import { Component, OnDestroy, OnInit } from '@angular/core';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent implements OnInit, OnDestroy {
  private source?: EventSource;
  ngOnInit(): void {
    this.source = new EventSource('/feed');
  }
  ngOnDestroy(): void {}
}`),
      errors: [notClosed(6, 19, '`ngOnInit`')],
    },
    {
      // ngOnDestroy closes another stream, not this one.
      ...component(`import { Component, OnDestroy, OnInit } from '@angular/core';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent implements OnInit, OnDestroy {
  private jobs?: EventSource;
  private logs?: EventSource;
  ngOnInit(): void {
    this.jobs = new EventSource('/jobs');
    this.logs = new EventSource('/logs');
  }
  ngOnDestroy(): void {
    this.logs?.close();
  }
}`),
      errors: [notClosed(7, 17, '`ngOnInit`')],
    },
    {
      // takeUntilDestroyed ends an unrelated subscription; the stream opened beside it is never closed.
      ...component(`import { Component, OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { interval } from 'rxjs';
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent implements OnInit {
  ticks = 0;
  ngOnInit(): void {
    interval(1000).pipe(takeUntilDestroyed()).subscribe(() => this.ticks++);
    const source = new EventSource('/feed');
    source.onmessage = () => this.ticks++;
  }
}`),
      errors: [notClosed(9, 20, '`ngOnInit`')],
    },
  ],
});
